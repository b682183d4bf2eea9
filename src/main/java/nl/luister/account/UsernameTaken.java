package nl.luister.account;

/** A user with this username already exists. */
public class UsernameTaken extends RuntimeException {

	public UsernameTaken(String username) {
		super("username '" + username + "' is taken");
	}
}
