return await BatchTui.Cli.CommandRouter.RunAsync(args);
