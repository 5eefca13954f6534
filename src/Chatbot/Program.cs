var builder = WebApplication.CreateBuilder(args);
builder.AddChatbot();

var app = builder.Build();
app.MapChatbot();
app.Run();
