package dev.adagrad.cli;

/** A command that runs one chosen optimizer and so takes every hyperparameter option (see {@link OptimizerOptions}). */
interface OptimizerCommand {

    OptimizerOptions optimizerOptions();
}
