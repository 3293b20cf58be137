using Platform.Identity;

var app = IdentityApplication.Create(args);
app.Run();
