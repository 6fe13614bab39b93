package dev.adagrad.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.optim.Optimizers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each optimizer's colour, dash and marker: from the registry, Okabe–Ito's colours, never two alike. */
class LooksTest {

    /** Okabe and Ito, "Color Universal Design" (2008), the eight colours in 0–255 RGB as they publish them. */
    private static final Set<Integer> OKABE_ITO = Set.of(rgb(0, 0, 0), rgb(230, 159, 0), rgb(86, 180, 233),
            rgb(0, 158, 115), rgb(240, 228, 66), rgb(0, 114, 178), rgb(213, 94, 0), rgb(204, 121, 167));

    private static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }

    @Test
    void anOptimizersLookDoesNotDependOnWhatItIsComparedWith() {
        Looks.Look alone = Looks.of(List.of("adagrad")).get(0);
        Looks.Look second = Looks.of(List.of("sgd", "adagrad")).get(1);
        Looks.Look last = Looks.of(List.of("adam", "rmsprop", "momentum", "adagrad")).get(3);
        assertEquals(alone, second);
        assertEquals(alone, last);
        assertEquals(rgb(0, 158, 115), alone.rgb(), "adagrad is bluish green");
        assertEquals("#009e73", alone.hex());
    }

    @Test
    void everyRegisteredOptimizerHasAnOkabeItoColourAndNoTwoLookAlike() {
        Set<Looks.Look> seen = new HashSet<>();
        for (String name : Optimizers.names()) {
            Looks.Look look = Looks.ofOptimizer(name);
            assertTrue(OKABE_ITO.contains(look.rgb()), name + ": " + look.hex());
            assertTrue(seen.add(look), name + " looks like another optimizer");
        }
        // The optimizers usually compared differ in colour, and a pair that could overlap in dash or marker too.
        List<String> usual = List.of("sgd", "momentum", "adagrad", "rmsprop", "adam");
        Set<Integer> colours = new HashSet<>();
        for (String name : usual) {
            assertTrue(colours.add(Looks.ofOptimizer(name).rgb()), name + " shares a colour");
        }
        assertNotEquals(Looks.ofOptimizer("adagrad").dash(), Looks.ofOptimizer("adam").dash());
        assertNotEquals(Looks.ofOptimizer("sgd").dash(), Looks.ofOptimizer("rmsprop").dash());
    }

    @Test
    void anUnknownNameTakesTheNextFreeLook() {
        assertNull(Looks.ofOptimizer("train"));
        List<Looks.Look> looks = Looks.of(List.of("train", "adam", "validation", "train"));
        assertEquals(Looks.at(Optimizers.names().size()), looks.get(0), "the first look after the registry's");
        assertEquals(Looks.at(Optimizers.names().size() + 1), looks.get(2));
        assertEquals(looks.get(0), looks.get(3), "the same name twice, the same look");
        Set<Looks.Look> registered = new HashSet<>();
        Optimizers.names().forEach(name -> registered.add(Looks.ofOptimizer(name)));
        for (int i = Optimizers.names().size(); i < Optimizers.names().size() + 30; i++) {
            assertTrue(registered.add(Looks.at(i)), "look " + i + " repeats an earlier one");
        }
    }
}
