// Each test class starts its own server on a random port; running them one at a time keeps the shared 2-core
// machine responsive and the 100,000-line stream's timing meaningful.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
