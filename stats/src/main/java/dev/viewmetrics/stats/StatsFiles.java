package dev.viewmetrics.stats;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which {@code .vmstats} files a command reads: those named, those in named directories, else the temp dir's. */
final class StatsFiles {

    private StatsFiles() {
    }

    /** The default place: {@code java.io.tmpdir}. */
    static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Files named in {@code args} (directories expand to their {@code *.vmstats}); none named: the temp dir's. */
    static List<Path> resolve(List<String> args) throws IOException {
        List<Path> files = new ArrayList<>();
        if (args.isEmpty()) {
            files.addAll(inDirectory(defaultDirectory()));
        }
        for (String arg : args) {
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                files.addAll(inDirectory(path));
            } else {
                files.add(path);
            }
        }
        return files;
    }

    private static List<Path> inDirectory(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + MmapLayout.EXTENSION)) {
            for (Path file : stream) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** Whether the process {@code pid} still runs. */
    static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
