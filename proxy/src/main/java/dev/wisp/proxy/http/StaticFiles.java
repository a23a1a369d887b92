package dev.wisp.proxy.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web root: files from a directory on disk when one is configured, else the pages built into
 * the jar under {@code /webroot}. Only paths inside the root are ever read.
 */
public final class StaticFiles {

    /** A file to serve. */
    public record Resource(byte[] bytes, String contentType) {
    }

    private static final String CLASSPATH_ROOT = "/webroot";
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("wasm", "application/wasm"));

    private final Path directory;

    /** @param directory the web root on disk, or null for the one built into the jar */
    public StaticFiles(Path directory) {
        this.directory = directory == null ? null : directory.toAbsolutePath().normalize();
    }

    /** The file for a request path ({@code /} and directories mean their index.html). */
    public Optional<Resource> find(String requestPath) {
        String relative = relativePath(requestPath);
        if (relative == null) {
            return Optional.empty();
        }
        return directory == null ? fromClasspath(relative) : fromDirectory(relative);
    }

    /** The decoded path without its leading slash and query, or null if it tries to leave the root. */
    static String relativePath(String requestPath) {
        String path = requestPath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int fragment = path.indexOf('#');
        if (fragment >= 0) {
            path = path.substring(0, fragment);
        }
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return null;
        }
        StringBuilder clean = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                return null;
            }
            clean.append(clean.length() == 0 ? "" : "/").append(segment);
        }
        if (clean.length() == 0 || path.endsWith("/")) {
            clean.append(clean.length() == 0 ? "" : "/").append("index.html");
        }
        return clean.toString();
    }

    private Optional<Resource> fromDirectory(String relative) {
        Path file = directory.resolve(relative).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Resource(Files.readAllBytes(file), contentType(file.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Resource> fromClasspath(String relative) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(CLASSPATH_ROOT + "/" + relative)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Resource(in.readAllBytes(), contentType(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
