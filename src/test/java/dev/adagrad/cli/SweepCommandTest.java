package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepCommandTest {

    @Test
    void csvHasOneRowPerOptimizerAndRateWithTheRunsFinalF() {
        Cli.Result result = Cli.run("sweep", "--f", "x^2", "--x0", "4", "--optimizers", "sgd,adam", "--lr",
                "0.001..0.1", "--points", "3", "--steps", "10", "--format", "csv");
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals("optimizer,lr,final_f,diverged", lines.get(0));
        assertEquals(7, lines.size());
        String[] sgdAtTenth = lines.get(3).split(",");
        assertEquals("sgd", sgdAtTenth[0]);
        assertEquals(0.1, Double.parseDouble(sgdAtTenth[1]));
        // x ← 0.8·x for ten steps: f = 16·0.8²⁰
        assertEquals(16 * Math.pow(0.8, 20), Double.parseDouble(sgdAtTenth[2]), 1e-8);
        assertEquals("false", sgdAtTenth[3]);
        assertTrue(lines.get(4).startsWith("adam,0.001,"));
    }

    @Test
    void aRunThatBlowsUpIsMarkedDivergedAndNeverBest() {
        // SGD at lr 10 on exp(x²)-like growth: x ← x − 20x = −19x overflows f = x^4 quickly.
        Cli.Result csv = Cli.run("sweep", "--f", "x^4", "--x0", "3", "--optimizers", "sgd", "--lr", "0.001..10",
                "--points", "5", "--steps", "200", "--format", "csv");
        assertEquals(0, csv.exitCode(), csv.err());
        assertTrue(csv.out().lines().anyMatch(line -> line.startsWith("sgd,10.0,") && line.endsWith(",true")),
                csv.out());
        Cli.Result table = Cli.run("sweep", "--f", "x^4", "--x0", "3", "--optimizers", "sgd", "--lr", "0.001..10",
                "--points", "5", "--steps", "200");
        String sgd = table.out().lines().filter(line -> line.startsWith("sgd")).findFirst().orElseThrow();
        assertTrue(sgd.matches("sgd +\\| +0\\.01 \\|.*\\| +\\d of 5"), sgd);
    }

    @Test
    void jsonLinesCarryTheSameFields() {
        Cli.Result result = Cli.run("sweep", "--f", "x^2", "--x0", "1", "--optimizers", "sgd", "--lr", "0.1..0.1",
                "--points", "1", "--steps", "1", "--format", "jsonl");
        assertEquals(0, result.exitCode(), result.err());
        // x₁ = 1 − 0.1·2 = 0.8, f = 0.64
        assertTrue(result.out().matches("\\{\"optimizer\":\"sgd\",\"lr\":0\\.1,\"final_f\":0\\.6400000\\d*,"
                + "\"diverged\":false}\\n"), result.out());
    }

    @Test
    void usageErrors() {
        for (String[] args : List.of(
                new String[] {"--lr", "0.1"},
                new String[] {"--lr", "1..0.1"},
                new String[] {"--lr", "0..1"},
                new String[] {"--points", "0"},
                new String[] {"--points", "1001"},
                new String[] {"--set", "adam.lr=0.1", "--optimizers", "adam"},
                new String[] {"--optimizers", "adamz"})) {
            List<String> all = new java.util.ArrayList<>(List.of("sweep", "--f", "x^2", "--x0", "1"));
            all.addAll(List.of(args));
            Cli.Result result = Cli.run(all.toArray(String[]::new));
            assertEquals(2, result.exitCode(), String.join(" ", args));
            assertTrue(result.err().startsWith("adagrad sweep: "), result.err());
            assertTrue(result.err().lines().count() <= 2 && !result.err().contains("Exception"), result.err());
        }
    }

    @Test
    void compareLrBestUsesTheSweepsBestRate() {
        // The default grid 1e-4..1 (13 points) puts 10^(−1/3) ≈ 0.464159 nearest SGD's one-step rate 1/2 on x².
        Cli.Result result = Cli.run("compare", "--f", "x^2", "--x0", "4", "--optimizers", "sgd,momentum", "--lr",
                "best,momentum=0.01", "--steps", "20");
        assertEquals(0, result.exitCode(), result.err());
        String sgd = result.out().lines().filter(line -> line.startsWith("sgd")).findFirst().orElseThrow();
        assertTrue(sgd.contains("| 0.464159 |"), sgd);
        String momentum = result.out().lines().filter(line -> line.startsWith("momentum")).findFirst().orElseThrow();
        assertTrue(momentum.matches("momentum +\\| +0\\.01 \\|.*"), momentum);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "1..1e-4 | adagrad sweep: --lr: a sweep's range must satisfy 0 < low ≤ high (got 1..1e-4)",
            "0..1    | adagrad sweep: --lr: a sweep's range must satisfy 0 < low ≤ high (got 0..1)",
            "0.1..0.1 | adagrad sweep: --lr 0.1..0.1 is one rate: give low < high, or --points 1"})
    void aBadRangeIsShownAsTyped(String range, String message) {
        dev.adagrad.Cli.Result result = dev.adagrad.Cli.run("sweep", "--f", "x^2", "--x0", "1", "--lr", range);
        org.junit.jupiter.api.Assertions.assertEquals(2, result.exitCode());
        org.junit.jupiter.api.Assertions.assertEquals(message, result.errLines()[0]);
    }
}
