package dev.adagrad.data;

/**
 * What {@code adagrad data} was asked for.
 *
 * @param rows     how many rows
 * @param features d, the number of feature columns x1..xd
 * @param density  sparse-logistic: the probability that a (frequent) feature is present in a row
 * @param noise    linear: the standard deviation of the Gaussian noise added to y
 * @param seed     the seed of the random stream; the same settings and seed give the same rows
 */
public record GeneratorSettings(long rows, int features, double density, double noise, long seed) {
}
