package nl.luister.account;

import java.io.Serializable;

/** Identifies a user (an agent or an admin) of Luister; the {@code users.id} column. */
public record UserId(long value) implements Serializable {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}
}
