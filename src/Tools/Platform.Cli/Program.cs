return await Platform.Cli.CliApp.RunAsync(args);
