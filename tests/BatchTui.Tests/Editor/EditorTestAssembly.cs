// Terminal.Gui keeps process-wide statics (theme, driver settings): headless tests must not run in parallel.
// If another test folder declares the same assembly attribute, keep one of the two.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
