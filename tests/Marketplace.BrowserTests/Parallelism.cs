// Three collections, each with a standalone host of its own: most of a browser test's time is spent waiting on
// deadlines, the bus and page loads, so the third runs beside the other two instead of after them.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]
