//! TempEval-3 style scoring. STUB: being written.
