package dev.adagrad.run;

import java.util.SplittableRandom;

/**
 * Seeded Gaussian noise N(0, σ²) added to every gradient component before the optimizer sees it, so that stochastic
 * behaviour (SGD's jitter, Adam's robustness to it) can be shown on any function. Each run draws from its own
 * generator made from the seed, so every optimizer of a comparison gets the same noise sequence, and a run is
 * repeatable.
 *
 * @param sigma the standard deviation σ (> 0)
 * @param seed  the generator's seed
 */
public record GradientNoise(double sigma, long seed) {

    public GradientNoise {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("noise must be a finite number > 0, got " + sigma);
        }
    }

    /** A fresh source of this noise for one run. */
    public Source source() {
        return new Source(sigma, new SplittableRandom(seed));
    }

    /** The noise of one run: adds σ·z to each component, z from the run's generator in component order. */
    public static final class Source {
        private final double sigma;
        private final SplittableRandom random;

        private Source(double sigma, SplittableRandom random) {
            this.sigma = sigma;
            this.random = random;
        }

        public void addTo(double[] gradient) {
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += sigma * random.nextGaussian();
            }
        }
    }
}
