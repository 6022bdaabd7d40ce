package frontier.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spark 4.2 starts embedded on the build's JDK 25 beside Frontier's own Jackson (the pinned Scala module).
 *
 * <p>Abstract: it runs as the nested class {@code frontier.spark.SparkTest.SparkSmokeTest}, with the other embedded-Spark
 * classes in one test JVM, so Spark starts once per run ({@code -Dtest=SparkTest} runs them).
 */
@Tag("spark")
public abstract class SparkSmokeTest {
    @Test
    void embeddedSparkRunsAJobOnThisJdk() {
        long even = LocalSpark.session()
                .createDataset(List.of(1, 2, 3, 4, 5), Encoders.INT())
                .filter((FilterFunction<Integer>) x -> x % 2 == 0)
                .count();
        assertEquals(2, even);
    }
}
