package dev.orderflow.registry.mode;

import java.util.Map;

import dev.orderflow.registry.store.SchemaStore;
import dev.orderflow.registry.web.Errors;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /mode} and {@code /mode/{subject}}: read and switch between READWRITE, READONLY
 * and IMPORT. Switching to IMPORT requires an empty registry (or subject) unless
 * {@code force=true}, so imported ids cannot collide with existing ones.
 */
@RestController
@RequestMapping("/mode")
class ModeController {

	private final SchemaStore store;

	ModeController(SchemaStore store) {
		this.store = store;
	}

	@GetMapping
	Map<String, String> global() {
		return mode(this.store.read(ModeSettings::global));
	}

	@PutMapping
	Map<String, String> updateGlobal(@RequestBody ModeUpdate update,
			@RequestParam(defaultValue = "false") boolean force) {
		return update(null, update, force);
	}

	@GetMapping("/{subject}")
	Map<String, String> subject(@PathVariable String subject,
			@RequestParam(defaultValue = "false") boolean defaultToGlobal) {
		Mode mode = this.store.read((state) -> {
			if (defaultToGlobal) {
				return ModeSettings.effective(state, subject);
			}
			return state.mode(subject).orElseThrow(() -> Errors.subjectModeNotConfigured(subject));
		});
		return mode(mode);
	}

	@PutMapping("/{subject}")
	Map<String, String> updateSubject(@PathVariable String subject, @RequestBody ModeUpdate update,
			@RequestParam(defaultValue = "false") boolean force) {
		return update(subject, update, force);
	}

	@DeleteMapping("/{subject}")
	Map<String, String> deleteSubject(@PathVariable String subject) {
		return this.store.write((writer) -> {
			Mode previous = writer.state().mode(subject).orElseThrow(() -> Errors.subjectModeNotConfigured(subject));
			writer.putMode(subject, null);
			return mode(previous);
		});
	}

	private Map<String, String> update(String subject, ModeUpdate update, boolean force) {
		String requested = (update != null) ? update.mode() : null;
		Mode mode = Mode.parse(requested).orElseThrow(() -> Errors.invalidMode(requested));
		this.store.write((writer) -> {
			boolean hasSchemas = (subject != null) ? writer.state().hasVersions(subject, true)
					: !writer.state().subjects(true).isEmpty();
			if (mode == Mode.IMPORT && hasSchemas && !force) {
				throw Errors.operationNotPermitted("Cannot import since found existing subjects");
			}
			writer.putMode(subject, mode);
			return mode;
		});
		return mode(mode);
	}

	private static Map<String, String> mode(Mode mode) {
		return Map.of("mode", mode.name());
	}

	record ModeUpdate(String mode) {
	}

}
