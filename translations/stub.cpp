// The translations live in this library as resources; it needs one translation unit.
