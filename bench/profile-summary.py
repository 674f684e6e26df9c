"""Where a profile's CPU samples went, by component: reads `jfr print --json --events jdk.ExecutionSample` (or, with
--collapsed, async-profiler's collapsed stacks) on stdin, counts each sample once per component found anywhere on
its stack (inclusive), and lists the hottest top frames. Used by bench/profile."""
import collections
import json
import sys

COMPONENTS = [
    ("our code (com.example.inventory)", ("com.example.inventory.",)),
    ("logging (logback, slf4j)", ("ch.qos.logback.", "org.slf4j.")),
    ("Hibernate ORM", ("org.hibernate.orm.", "org.hibernate.engine.", "org.hibernate.internal.", "org.hibernate.query.",
                       "org.hibernate.sql.", "org.hibernate.persister.", "org.hibernate.event.", "org.hibernate.loader.",
                       "org.hibernate.resource.", "org.hibernate.type.", "org.hibernate.metamodel.")),
    ("Spring Data JPA repositories", ("org.springframework.data.",)),
    ("Spring transactions", ("org.springframework.transaction.", "org.springframework.orm.")),
    ("PostgreSQL driver (pgjdbc)", ("org.postgresql.",)),
    ("HikariCP", ("com.zaxxer.hikari.",)),
    ("Bean Validation", ("org.hibernate.validator.", "jakarta.validation.")),
    ("JSON (Jackson)", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("Micrometer", ("io.micrometer.",)),
    ("Spring MVC", ("org.springframework.web.",)),
    ("Tomcat", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
    ("virtual threads, scheduling", ("java.lang.VirtualThread", "java.util.concurrent.ForkJoin")),
    ("garbage collection (native)", ("G1", "GCTask", "WorkerThread::run", "ParallelScavenge", "SerialHeap")),
    ("JIT compilation (native)", ("CompileBroker", "C2Compiler", "Compiler::", "Compilation::")),
    ("kernel", ("_[k]",)),
]


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def samples():
    """(frames top first, count) per sample or collapsed stack."""
    if "--collapsed" in sys.argv:
        for line in sys.stdin:
            stack, _, count = line.rstrip().rpartition(" ")
            yield [frame.replace("/", ".") for frame in reversed(stack.split(";"))], int(count)
    else:
        for event in json.load(sys.stdin)["recording"]["events"]:
            yield [frame_name(frame) for frame in event["values"]["stackTrace"]["frames"]], 1


total = 0
by_component = collections.Counter()
top_frames = collections.Counter()
for frames, count in samples():
    total += count
    if frames:
        top_frames[frames[0]] += count
    seen = set()
    for name in frames:
        for component, prefixes in COMPONENTS:
            if component not in seen and (name.startswith(prefixes) or any(p in name for p in prefixes
                                                                           if "(native)" in component
                                                                           or component == "kernel")):
                seen.add(component)
    for component in seen:
        by_component[component] += count

source = "async-profiler, every thread" if "--collapsed" in sys.argv else "jdk.ExecutionSample, Java threads"
print(f"{total} CPU samples ({source})\n")
print("| component (inclusive: a sample counts for each component on its stack) | samples | share |")
print("|---|---:|---:|")
for component, _ in COMPONENTS:
    count = by_component[component]
    print(f"| {component} | {count} | {100 * count / max(total, 1):.1f}% |")
print("\n| hottest top frames | samples | share |\n|---|---:|---:|")
for name, count in top_frames.most_common(25):
    print(f"| `{name}` | {count} | {100 * count / max(total, 1):.1f}% |")
