package nl.luister.reply;

import org.junit.jupiter.api.Test;

import nl.luister.reply.PersonalData.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

	@Test
	void aPublicRequestForPersonalDataIsFoundInDutchAndEnglish() {
		assertThat(PersonalData.asked("Wat is je bestelnummer en je adres?")).containsExactlyInAnyOrder(Kind.ORDER_NUMBER, Kind.ADDRESS);
		assertThat(PersonalData.asked("Could you share your phone number and e-mail address so we can help?"))
			.containsExactlyInAnyOrder(Kind.PHONE, Kind.EMAIL);
		assertThat(PersonalData.asked("Stuur je rekeningnummer, dan storten we het terug")).containsExactly(Kind.IBAN);
		assertThat(PersonalData.asked("Please send us your tracking code here")).containsExactly(Kind.ORDER_NUMBER);
	}

	@Test
	void aRequestThatAlreadyMovesToAPrivateChannelIsFine() {
		assertThat(PersonalData.asked("Stuur je ons even een DM met je trackingcode en postcode?")).isEmpty();
		assertThat(PersonalData.asked("Could you e-mail us your order number?")).isEmpty();
		assertThat(PersonalData.asked("Wil je ons een privébericht sturen met je adres?")).isEmpty();
	}

	@Test
	void textWithoutARequestOrData() {
		assertThat(PersonalData.inspect("Thanks for your patience, the parcel is on its way!").any()).isFalse();
		assertThat(PersonalData.inspect("Ons adres staat op de site.").asked()).isEmpty();
		assertThat(PersonalData.inspect(null).any()).isFalse();
		assertThat(PersonalData.contained("@anna_v we bezorgen morgen tussen 18 en 22 uur")).isEmpty();
	}

	@Test
	void personalDataInTheTextIsFound() {
		assertThat(PersonalData.contained("Je IBAN NL91 ABNA 0417 1643 00 staat genoteerd")).contains(Kind.IBAN).doesNotContain(Kind.PHONE);
		assertThat(PersonalData.contained("NL91ABNA0417164301")).as("wrong check digits").doesNotContain(Kind.IBAN);
		assertThat(PersonalData.contained("Bel 06-12345678 of +31 20 123 4567")).containsExactly(Kind.PHONE);
		assertThat(PersonalData.contained("we mailen naar anna.devries@example.nl")).containsExactly(Kind.EMAIL);
		assertThat(PersonalData.contained("bezorgd op Dorpsstraat 12, 1234 AB Utrecht")).containsExactly(Kind.ADDRESS);
		assertThat(PersonalData.contained("sent to 221 Baker Street")).containsExactly(Kind.ADDRESS);
		assertThat(PersonalData.contained("je bestelling KS-20261120-4471 is onderweg")).containsExactly(Kind.ORDER_NUMBER);
		assertThat(PersonalData.contained("order #98765432")).containsExactly(Kind.ORDER_NUMBER);
	}
}
