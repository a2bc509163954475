// Property tests run with one fixed seed so that CI is repeatable; FC_SEED=<n> explores others.
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
