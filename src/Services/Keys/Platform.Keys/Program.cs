using Platform.Keys;

var app = KeysApplication.Create(args);
app.Run();
