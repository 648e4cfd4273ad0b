package dev.orderflow.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No relative link in a tracked Markdown file (README, docs, labs, module READMEs) points
 * at nothing: a moved or renamed file breaks the build, not a reader's click.
 */
class MarkdownLinksTest {

	@Test
	void everyRelativeLinkInTheRepositorysMarkdownLeadsSomewhere() {
		Path root = RepositoryRoot.find();
		List<Path> files = MarkdownLinks.tracked(root);

		assertThat(files).as("the Markdown files checked")
			.contains(root.resolve("README.md"), root.resolve("docs/design.md"));
		assertThat(new MarkdownLinks(root).deadLinks(files)).as("dead links").isEmpty();
	}

	@Test
	void aLinkToAMissingFileOrHeadingIsReportedAndCodeAndUrlsAreNot(@TempDir Path root) throws IOException {
		Files.createDirectories(root.resolve("docs/labs"));
		Files.writeString(root.resolve("docs/labs/README.md"), "# Labs\n\n## Step 1 — start it\n");
		Path readme = root.resolve("README.md");
		Files.writeString(readme, """
				# Title
				[labs](docs/labs/) and [step](docs/labs/README.md#step-1--start-it) and [top](#title)
				![shot](docs/images/missing.png) [gone](docs/gone.md) [bad anchor](docs/labs/README.md#step-2)
				[web](https://example.com/nowhere) `[code](nowhere.md)`
				```
				[fenced](nowhere-either.md)
				```
				[ref]: docs/old.md
				""");

		assertThat(new MarkdownLinks(root).deadLinks(List.of(readme))).containsExactly(
				"README.md: docs/images/missing.png (no such file or directory)",
				"README.md: docs/gone.md (no such file or directory)",
				"README.md: docs/labs/README.md#step-2 (no heading #step-2 in docs/labs/README.md)",
				"README.md: docs/old.md (no such file or directory)");
	}

}
