// How many problems a spec check in the worker reports back: more help nobody, and copying
// them to the main thread would block it (a 1 MiB spec can hold 100k problems).
export const MAX_REPORTED_PROBLEMS = 1000;
