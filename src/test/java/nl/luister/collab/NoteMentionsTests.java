package nl.luister.collab;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoteMentionsTests {

	@Test
	void findsEveryMentionOnceInOrderWithoutCase() {
		assertThat(NoteMentions.names("@bram kun jij dit oppakken? cc @Anna en nog eens @BRAM"))
			.containsExactly("bram", "anna");
	}

	@Test
	void punctuationAfterANameIsNotPartOfIt() {
		assertThat(NoteMentions.names("Vraag het @anna. Of @bram-, (@carla) @dewi!")).containsExactly("anna", "bram", "carla", "dewi");
	}

	@Test
	void anEmailAddressOrALoneAtSignMentionsNobody() {
		assertThat(NoteMentions.names("mail anna@example.org of bel; @ is geen naam; foo@bar")).isEmpty();
		assertThat(NoteMentions.names(null)).isEmpty();
		assertThat(NoteMentions.names("")).isEmpty();
	}

	@Test
	void usernamesWithDotsAndAtSignsAreWholeNames() {
		assertThat(NoteMentions.names("@anna.visser en @ops@koeriersnel")).containsExactly("anna.visser", "ops@koeriersnel");
	}

	@Test
	void hostileTextYieldsNoNameBeyondTheAllowedCharacters() {
		assertThat(NoteMentions.names("@<script>alert(1)</script> @bram\"><img src=x onerror=alert(1)>"))
			.containsExactly("bram");
	}
}
