package nl.luister.channel.web;

import java.util.List;
import java.util.Locale;

import nl.luister.account.LuisterUser;
import nl.luister.channel.Channel;
import nl.luister.channel.OwnedAccounts;
import nl.luister.web.ApiController;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code /api/owned-accounts}: the accounts the organisation owns per channel that no connector's settings name
 * (imports, feeds, webhooks, forums). Posts by them are our replies, never customer mentions. Changing them is
 * for admins.
 */
@ApiController("/api/owned-accounts")
class OwnedAccountsApi {

	private final OwnedAccounts owned;

	OwnedAccountsApi(OwnedAccounts owned) {
		this.owned = owned;
	}

	@GetMapping
	List<AccountJson> list() {
		return owned.listed().stream().map(AccountJson::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AccountJson add(@RequestBody NewAccount body, @AuthenticationPrincipal LuisterUser me) {
		requireAdmin(me);
		long id = owned.add(Channel.parse(body.channel()), body.handle(), body.role());
		return owned.listed().stream().filter(a -> a.id() == id).map(AccountJson::of).findFirst().orElseThrow();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		requireAdmin(me);
		owned.remove(id);
	}

	private static void requireAdmin(LuisterUser me) {
		if (me == null || !me.isAdmin()) throw new AccessDeniedException("only admins change owned accounts");
	}

	record NewAccount(String channel, String handle, String role) {
	}

	record AccountJson(long id, String channel, String handle, String role) {
		static AccountJson of(OwnedAccounts.OwnedAccount a) {
			return new AccountJson(a.id(), a.channel().key(), a.handle(), a.role().toLowerCase(Locale.ROOT));
		}
	}
}
