/*
 * Launched by bench/run in source-file mode (`java -cp … bench/RunBenchmark.java`). The benchmark's entry point
 * lives here rather than among the test classes because `./mvnw spring-boot:test-run` needs exactly one class
 * with a main method there (TestInventoryApplication).
 */
public class RunBenchmark {

    public static void main(String[] args) throws Exception {
        System.exit(com.example.inventory.bench.Benchmark.run(args));
    }
}
