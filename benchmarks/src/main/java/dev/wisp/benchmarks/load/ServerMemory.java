package dev.wisp.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Memory of a server process and all its children, read from outside it: resident (RSS, and PSS,
 * which shares shared pages out fairly, so Kamailio's many processes are not counted many times)
 * and, for a JVM, the heap in use after a full collection (jcmd).
 */
final class ServerMemory {

    /** Sizes in KiB; heap is -1 for a process that is not a JVM. */
    record Snapshot(long rssKiB, long pssKiB, long heapKiB) {
    }

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private ServerMemory() {
    }

    static Snapshot of(long pid) throws IOException, InterruptedException {
        // Collect first: a JVM's garbage is not memory its connections need.
        long heap = isJvm(pid) ? heapAfterGc(pid) : -1;
        List<Long> processes = tree(pid);
        long rss = 0;
        long pss = 0;
        for (long process : processes) {
            rss += field(Path.of("/proc", Long.toString(process), "status"), "VmRSS:");
            pss += field(Path.of("/proc", Long.toString(process), "smaps_rollup"), "Pss:");
        }
        return new Snapshot(rss, pss, heap);
    }

    /** The process and every descendant. */
    private static List<Long> tree(long root) throws IOException {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    children.computeIfAbsent(Long.parseLong(fields[1]), parent -> new ArrayList<>()).add(Long.parseLong(name));
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        List<Long> tree = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            long process = todo.pop();
            tree.add(process);
            todo.addAll(children.getOrDefault(process, List.of()));
        }
        return tree;
    }

    private static long field(Path file, String name) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(file + " has no " + name);
    }

    private static boolean isJvm(long pid) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).contains("java");
    }

    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IOException("jcmd GC.heap_info printed no heap use");
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String javaHome = System.getProperty("java.home");
        Path jcmd = Path.of(javaHome, "bin", "jcmd");
        Process process = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + output);
        }
        return output;
    }
}
