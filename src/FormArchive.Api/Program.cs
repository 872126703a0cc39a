using FormArchive.Api;

var app = FormArchiveApp.Build(args);
app.Run();
