package nl.luister.reply;

/** No reply template has this id (deleted, or never there). */
public class TemplateNotFound extends nl.luister.web.NotFound {

	public TemplateNotFound(long id) {
		super("no reply template #" + id);
	}
}
