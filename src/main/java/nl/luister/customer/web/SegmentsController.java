package nl.luister.customer.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import nl.luister.account.LuisterUser;
import nl.luister.channel.Channel;
import nl.luister.customer.SegmentFilter;
import nl.luister.customer.SegmentNotFound;
import nl.luister.customer.Segments;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Segments: {@code /segments} lists the saved person filters with their counts and saves new ones;
 * {@code /segments/{id}} shows the members (the first 200) and {@code /segments/{id}/export.csv} streams
 * them all. Plain form posts answered with a redirect and a flash message.
 */
@Controller
class SegmentsController {

	static final int SHOWN = 200;

	private final Segments segments;

	SegmentsController(Segments segments) {
		this.segments = segments;
	}

	@GetMapping("/segments")
	String list(Model model) {
		model.addAttribute("segments", segments.list());
		model.addAttribute("channels", Arrays.stream(Channel.values()).map(Channel::key).toList());
		return "customer/segments";
	}

	@PostMapping("/segments")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String sentiment,
			@RequestParam(required = false) Integer minTier, @RequestParam(required = false) Integer activeDays,
			@RequestParam(required = false) Integer complaints, @RequestParam(required = false) Integer complaintDays,
			@RequestParam(defaultValue = "") String segment, @RequestParam(defaultValue = "") String channel,
			@RequestParam(defaultValue = "") String tags, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		try {
			var filter = new SegmentFilter(sentiment, minTier, activeDays, complaints, complaintDays, segment, channel,
					Arrays.asList(tags.split(",")));
			var saved = segments.create(name, filter, me.id().value());
			redirect.addFlashAttribute("flash", "customers2.segments.saved");
			return "redirect:/segments/" + saved.id();
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("flashError", "customer.person.error");
			redirect.addFlashAttribute("flashArgument", e.getMessage());
			return "redirect:/segments";
		}
	}

	@GetMapping("/segments/{id}")
	String show(@PathVariable long id, Model model) {
		var s = segments.find(id).orElseThrow(() -> new SegmentNotFound(id));
		model.addAttribute("segment", s);
		model.addAttribute("count", segments.count(s.filter()));
		model.addAttribute("members", segments.members(s.filter(), SHOWN));
		return "customer/segment";
	}

	@PostMapping("/segments/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal LuisterUser me, RedirectAttributes redirect) {
		segments.delete(id, me.id().value());
		redirect.addFlashAttribute("flash", "customers2.segments.deleted");
		return "redirect:/segments";
	}

	@GetMapping("/segments/{id}/export.csv")
	ResponseEntity<StreamingResponseBody> export(@PathVariable long id, @AuthenticationPrincipal LuisterUser me) {
		var s = segments.find(id).orElseThrow(() -> new SegmentNotFound(id));
		Long actor = me.id().value();
		StreamingResponseBody body = out -> {
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			segments.export(s, writer, actor);
			writer.flush();
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"segment-" + id + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(body);
	}
}
