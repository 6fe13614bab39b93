package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;

class EveryOptionTest {

    private static List<String> firstColumns(String csv, int columns) {
        return csv.lines().skip(1).map(line -> String.join(",", List.of(line.split(",")).subList(0, columns)))
                .toList();
    }

    @Test
    void runPrintsStepZeroEveryKthAndTheLastWithTheSameNumbers() {
        Cli.Result all = Cli.run("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10", "--format", "csv");
        Cli.Result some = Cli.run("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10", "--format", "csv",
                "--every", "4");
        assertEquals(0, some.exitCode(), some.err());
        List<String> rows = all.out().lines().toList();
        assertEquals(List.of(rows.get(0), rows.get(1), rows.get(5), rows.get(9), rows.get(11)),
                some.out().lines().toList());
    }

    @Test
    void compareFiltersEveryOptimizersRows() {
        Cli.Result result = Cli.run("compare", "--f", "x^2", "--x0", "4", "--optimizers", "sgd,adam", "--steps", "7",
                "--every", "3", "--format", "csv");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("sgd,0", "sgd,3", "sgd,6", "sgd,7", "adam,0", "adam,3", "adam,6", "adam,7"),
                firstColumns(result.out(), 2));
    }

    @Test
    void zeroIsAUsageError() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--every", "0");
        assertEquals(2, result.exitCode());
        assertEquals("adagrad run: --every must be ≥ 1 (got 0)", result.err().lines().findFirst().orElseThrow());
    }
}
