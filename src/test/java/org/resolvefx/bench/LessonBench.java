package org.resolvefx.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.resolvefx.core.lesson.LessonFiles;
import org.resolvefx.core.lesson.LessonLoader;
import org.resolvefx.core.lesson.LoadedLesson;

/**
 * What the lesson browser pays: reading and checking a lesson (schema, world, every scenario
 * replayed, narration), for the busiest lecture lesson (05-caching-ttl: five recursive scenarios,
 * 50 steps) and a small one; and lesson.json checks alone. Run from the project folder (see
 * src/docs/lesson-format.md): {@code java -cp target/test-classes:target/classes:$(cat
 * target/bench.cp) org.openjdk.jmh.Main LessonBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LessonBench {
    LessonFiles caching;
    LessonFiles records;

    @Setup
    public void setUp() throws Exception {
        caching = LessonFiles.readFolder(Path.of("lessons/05-caching-ttl"));
        records = LessonFiles.readFolder(Path.of("lessons/08-where-is-the-info"));
    }

    @Benchmark
    public LoadedLesson loadCachingLesson() {
        return LessonLoader.load(caching);
    }

    @Benchmark
    public LoadedLesson loadWhereIsTheInfoLesson() {
        return LessonLoader.load(records);
    }

    @Benchmark
    public LoadedLesson lessonJsonChecksOnly() {
        return LessonLoader.parseOnly(caching);
    }

    @Benchmark
    public LoadedLesson readFolderAndLoad() throws Exception {
        return LessonLoader.load(Path.of("lessons/05-caching-ttl"));
    }
}
