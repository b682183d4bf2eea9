package nl.luister.channel.web;

import java.util.List;
import java.util.Locale;

import nl.luister.account.LuisterUser;
import nl.luister.channel.SourceHealth;
import nl.luister.web.ApiController;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Dismissing a source notice from the admins' banner ({@code POST /sources/notices/{id}/dismiss}). */
@Controller
class HealthController {

	private final SourceHealth health;

	HealthController(SourceHealth health) {
		this.health = health;
	}

	@PostMapping("/sources/notices/{id}/dismiss")
	String dismiss(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		if (me == null || !me.isAdmin()) throw new AccessDeniedException("only admins dismiss source notices");
		health.dismiss(id);
		return "redirect:/sources";
	}

	/** {@code /api/source-notices}: the open notices, and dismissing one. */
	@ApiController("/api/source-notices")
	static class HealthApi {

		private final SourceHealth health;

		HealthApi(SourceHealth health) {
			this.health = health;
		}

		@GetMapping
		List<NoticeJson> list() {
			return health.openNotices().stream().map(n -> new NoticeJson(n.id(), n.sourceId(), n.sourceName(),
					n.kind().toLowerCase(Locale.ROOT), n.detail(), n.at().toString())).toList();
		}

		@PostMapping("/{id}/dismiss")
		void dismiss(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
			if (me == null || !me.isAdmin()) throw new AccessDeniedException("only admins dismiss source notices");
			health.dismiss(id);
		}

		record NoticeJson(long id, long sourceId, String sourceName, String kind, String detail, String at) {
		}
	}
}
