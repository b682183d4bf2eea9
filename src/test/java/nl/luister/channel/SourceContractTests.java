package nl.luister.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Source} promises the runner. A connector's test extends this class and supplies
 * the source, a fixture served the way the connector reads it, and settings that cannot be reached.
 *
 * <p>The fixture holds {@link #goodItems()} well-formed items and exactly one malformed item; after
 * {@link #addNewItems()} the same settings serve those plus {@link #newItems()} more well-formed ones.
 *
 * @param <S> the connector's settings
 */
public abstract class SourceContractTests<S> {

	/** The connector under test; may be a fresh instance per call. */
	protected abstract Source<S> source();

	/** Starts serving the fixture and returns settings that read it. Called once per test, before the others. */
	protected abstract S serveFixture();

	/** Makes the settings from {@link #serveFixture()} serve {@link #newItems()} more good items. */
	protected abstract void addNewItems();

	/** Settings whose source cannot be reached (closed port, dead host). */
	protected abstract S unreachable();

	/** How many well-formed items the fixture holds. */
	protected abstract int goodItems();

	/** How many well-formed items {@link #addNewItems()} adds. */
	protected int newItems() {
		return 1;
	}

	@Test
	void firstFetchReturnsGoodItemsAndSkipsTheMalformedOne() {
		Batch batch = source().fetch(serveFixture(), null);

		assertThat(batch.items()).hasSize(goodItems());
		assertThat(batch.skipped()).singleElement().satisfies(skipped -> {
			assertThat(skipped.where()).isNotBlank();
			assertThat(skipped.reason()).isNotBlank();
		});
		assertThat(batch.next()).isNotBlank();
	}

	@Test
	void itemsHaveUniqueIdsAndPlainText() {
		Batch batch = source().fetch(serveFixture(), null);

		assertThat(batch.items()).extracting(RawMention::externalId).doesNotHaveDuplicates().allSatisfy(id -> {
			assertThat(id).isNotBlank();
		});
		assertThat(batch.items()).allSatisfy(item -> {
			assertThat(item.text()).doesNotContainPattern("<[a-zA-Z/!][^>]*>");
			if (item.title() != null) assertThat(item.title()).doesNotContainPattern("<[a-zA-Z/!][^>]*>");
		});
	}

	@Test
	void secondFetchWithReturnedCursorReturnsNothing() {
		S settings = serveFixture();
		Batch first = source().fetch(settings, null);

		Batch second = source().fetch(settings, first.next());

		assertThat(second.items()).isEmpty();
		assertThat(second.skipped()).isEmpty();
		assertThat(second.next()).isNotBlank();
	}

	@Test
	void cursorAdvancesWhenNewItemsAppear() {
		S settings = serveFixture();
		Batch first = source().fetch(settings, null);
		addNewItems();

		Batch second = source().fetch(settings, first.next());

		assertThat(second.items()).hasSize(newItems());
		assertThat(second.items()).extracting(RawMention::externalId)
			.doesNotContainAnyElementsOf(first.items().stream().map(RawMention::externalId).toList());
		assertThat(second.next()).isNotBlank().isNotEqualTo(first.next());
		assertThat(source().fetch(settings, second.next()).items()).isEmpty();
	}

	@Test
	void probeReportsOkWithoutChangingWhatTheNextFetchReturns() {
		S settings = serveFixture();

		Source.Probe probe = source().probe(settings);

		assertThat(probe.ok()).as(probe.message()).isTrue();
		assertThat(probe.message()).isNotBlank();
		Batch first = source().fetch(settings, null);
		assertThat(first.items()).hasSize(goodItems());
		assertThat(source().probe(settings).ok()).isTrue();
		assertThat(source().fetch(settings, first.next()).items()).isEmpty();
	}

	@Test
	void fetchFromUnreachableSourceThrowsSoTheCallerKeepsItsCursor() {
		Batch first = source().fetch(serveFixture(), null);

		assertThatThrownBy(() -> source().fetch(unreachable(), first.next())).isInstanceOf(SourceUnavailable.class)
			.message()
			.isNotBlank();
	}

	@Test
	void probeOfUnreachableSourceFailsWithReason() {
		Source.Probe probe = source().probe(unreachable());

		assertThat(probe.ok()).isFalse();
		assertThat(probe.message()).isNotBlank();
	}
}
