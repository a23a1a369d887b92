package dev.wisp.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {

    @TempDir
    Path root;

    @Test
    void pathsAreDecodedAndDirectoriesMeanTheirIndex() {
        assertThat(StaticFiles.relativePath("/")).isEqualTo("index.html");
        assertThat(StaticFiles.relativePath("/app/")).isEqualTo("app/index.html");
        assertThat(StaticFiles.relativePath("/a%20b.js?v=1#x")).isEqualTo("a b.js");
    }

    @Test
    void nothingOutsideTheRootCanBeNamed() {
        assertThat(StaticFiles.relativePath("/../etc/passwd")).isNull();
        assertThat(StaticFiles.relativePath("/a/%2e%2e/%2e%2e/etc/passwd")).isNull();
        assertThat(StaticFiles.relativePath("/a%00.html")).isNull();
        assertThat(StaticFiles.relativePath("/a\\..\\b")).isNull();
    }

    @Test
    void filesComeFromTheConfiguredDirectoryWithTheirType() throws Exception {
        Files.writeString(root.resolve("index.html"), "<p>hi</p>");
        Files.createDirectories(root.resolve("js"));
        Files.writeString(root.resolve("js/app.js"), "1");
        StaticFiles files = new StaticFiles(root);

        assertThat(files.find("/").orElseThrow().contentType()).startsWith("text/html");
        assertThat(files.find("/js/app.js").orElseThrow().contentType()).startsWith("text/javascript");
        assertThat(files.find("/js")).as("a directory without index.html").isEmpty();
        assertThat(files.find("/missing.css")).isEmpty();
    }

    @Test
    void withoutADirectoryThePageBuiltIntoTheJarIsServed() {
        assertThat(new StaticFiles(null).find("/").orElseThrow().contentType()).startsWith("text/html");
    }
}
