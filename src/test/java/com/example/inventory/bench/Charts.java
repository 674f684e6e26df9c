package com.example.inventory.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** The report's PNG charts, one bar group per scenario x strategy run. */
final class Charts {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 700;
    private static final double MIN_MILLIS = 0.1;

    private Charts() {
    }

    static void write(Path out, List<RunResult> runs, Report report) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> labels = runs.stream().map(RunResult::label).toList();
        BitmapEncoder.saveBitmap(throughput(runs, labels, report), out.resolve("throughput.png").toString(),
                BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(latency(runs, labels), out.resolve("latency.png").toString(),
                BitmapEncoder.BitmapFormat.PNG);
    }

    private static CategoryChart throughput(List<RunResult> runs, List<String> labels, Report report) {
        CategoryChart chart = chart("Completed deductions (checkout: checkouts) per second vs the matching raw SQL and "
                + "read ceilings", "deductions/s, checkouts/s (ceilings: pgbench statements/s, GETs/s)");
        chart.addSeries("service", labels, runs.stream().map(RunResult::completedPerSecond).toList());
        List<Double> ceilings = runs.stream()
                .map(run -> report.ceilingOf(run).map(Ceiling.Figure::perSecond).orElse(0.0)).toList();
        if (ceilings.stream().anyMatch(value -> value > 0)) {
            chart.addSeries("raw SQL ceiling (a/b/c for hot row by strategy, d for catalogue, none for checkout)",
                    labels, ceilings);
        }
        List<Double> reads = runs.stream()
                .map(run -> report.readCeiling(run.clients()).map(ReadResult::requestsPerSecond).orElse(0.0)).toList();
        if (reads.stream().anyMatch(value -> value > 0)) {
            chart.addSeries("read ceiling (e): GET of one product through the service", labels, reads);
        }
        return chart;
    }

    private static CategoryChart latency(List<RunResult> runs, List<String> labels) {
        CategoryChart chart = chart("Request latency percentiles (closed loop; checkout: holds and decisions together)",
                "ms (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        // XChart's log axis refuses bars that start at 0; nothing measured here is faster than this.
        chart.getStyler().setYAxisMin(MIN_MILLIS);
        for (double percentile : new double[] {50, 95, 99}) {
            chart.addSeries("p" + (int) percentile, labels,
                    runs.stream().map(run -> Math.max(MIN_MILLIS, run.latencyMillis(percentile))).toList());
        }
        return chart;
    }

    private static CategoryChart chart(String title, String yAxis) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setOverlapped(false);
        return chart;
    }
}
