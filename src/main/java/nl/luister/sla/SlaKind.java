package nl.luister.sla;

/** The three clocks of a case. */
public enum SlaKind {
	/** From the case's first customer message until our first reply (sent, answered on the site or posted outside). */
	FIRST_RESPONSE,
	/** From a customer message that arrives after our last reply until our next reply. */
	NEXT_RESPONSE,
	/** From the case's opening until it is resolved; paused while it waits on the customer (pending). */
	RESOLUTION;

	/** The kind of in-app notification a breach of this clock sends. */
	String notificationKind() {
		return switch (this) {
			case FIRST_RESPONSE -> "slaFirstResponse";
			case NEXT_RESPONSE -> "slaNextResponse";
			case RESOLUTION -> "slaResolution";
		};
	}

	/** In the case history. */
	String words() {
		return switch (this) {
			case FIRST_RESPONSE -> "first response";
			case NEXT_RESPONSE -> "next response";
			case RESOLUTION -> "resolution";
		};
	}
}
