// PromiseDiff
