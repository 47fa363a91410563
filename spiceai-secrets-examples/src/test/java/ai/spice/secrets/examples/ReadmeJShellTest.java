package ai.spice.secrets.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Feeds the README's JShell session, exactly as written there, to JShell (after the imports that
 * {@code scripts/jshell} loads at startup) and checks every snippet runs.
 */
class ReadmeJShellTest {

    @Test
    void readmeJShellSnippetRunsWithoutError() throws Exception {
        String snippet = Files.readString(Path.of("..", "scripts", "imports.jsh"))
                + jshellBlock(Files.readString(Path.of("..", "README.md")));
        List<String> failures = new ArrayList<>();
        int evaluated = 0;
        try (JShell jshell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                jshell.addToClasspath(entry);
            }
            SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
            String remaining = snippet;
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                assertThat(info.completeness().isComplete()).as("complete statement in: %s", remaining).isTrue();
                for (SnippetEvent event : jshell.eval(info.source())) {
                    evaluated++;
                    if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                        failures.add(info.source().strip() + " -> " + event.status()
                                + (event.exception() == null ? " " + jshell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList()
                                : " " + event.exception()));
                    }
                }
                remaining = info.remaining();
            }
        }
        assertThat(failures).isEmpty();
        assertThat(evaluated).isGreaterThanOrEqualTo(5);
    }

    /** The first fenced block marked {@code jshell} in the README, with the {@code jshell> } prompts removed. */
    static String jshellBlock(String readme) {
        int start = readme.indexOf("```jshell\n");
        assertThat(start).as("README has a ```jshell block").isNotNegative();
        int end = readme.indexOf("```", start + 10);
        StringBuilder code = new StringBuilder();
        for (String line : readme.substring(start + 10, end).split("\n")) {
            if (line.startsWith("jshell> ")) {
                code.append(line.substring("jshell> ".length())).append('\n');
            } else if (line.startsWith("   ...> ")) {
                code.append(line.substring("   ...> ".length())).append('\n');
            }
        }
        return code.toString();
    }
}
