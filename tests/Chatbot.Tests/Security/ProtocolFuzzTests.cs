using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Chatbot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Chatbot.Tests.Security;

/// <summary>
/// Issue 12, tests: a bounded, seeded fuzz of /api/messages and the Direct Line routes — random mutations of valid
/// activities, bodies and tokens. No case may answer 5xx, and the bot must still answer on both afterwards.
/// </summary>
public sealed class ProtocolFuzzTests(ProtocolFuzzTests.FuzzFactory factory, ITestOutputHelper output) : IClassFixture<ProtocolFuzzTests.FuzzFactory>
{
    private const int Seed = 20261207;
    private const int MessagesCases = 2_600;
    private const int DirectLineCases = 2_600;
    private const string InsertedJsonCharacters = "{}[]\",:\\\u00ff";
    private const string TokenCharacters = "!*%=+/ \u00e9.-_";

    private static readonly string[] ActivityTypes = ["message", "event", "invoke", "conversationUpdate", "typing", "endOfConversation", "installationUpdate", "messageReaction", "handoff", "trace", "", "MESSAGE", "x"];
    private static readonly string[] ChannelIds = ["webchat", "directline", "msteams", "emulator", "sms", "@directline", "%40directline", "", "web/chat", "ütf"];
    private static readonly string[] Texts = ["how long does an infusion take?", "", " ", "I want to kill myself", "bookings", "why suicide", "release H-ABCDEF", "help", "start over", "<at>bot</at> hi", "\u0000\u0001", "😀😀", "a\uD800b"];

    [Fact]
    public async Task RandomMutationsNeverCauseA5xxAndTheBotStillAnswers()
    {
        var random = new Random(Seed);
        var client = factory.CreateClient();
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        var started = DateTime.UtcNow;

        for (var i = 0; i < MessagesCases; i++)
        {
            var (body, contentType, authorization) = MutateMessagesRequest(random, i);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            await RecordAsync(client, request, $"messages #{i}", statuses, failures);
        }

        var chats = new List<DirectLineClient>();
        for (var i = 0; i < 8; i++)
        {
            chats.Add(await new DirectLineClient(client).StartAsync());
        }

        for (var i = 0; i < DirectLineCases; i++)
        {
            var chat = chats[random.Next(chats.Count)];
            using var request = MutateDirectLineRequest(random, chat, chats[random.Next(chats.Count)]);
            await RecordAsync(client, request, $"directline #{i} {request.Method} {request.RequestUri}", statuses, failures);
        }

        output.WriteLine($"{MessagesCases + DirectLineCases} cases in {(DateTime.UtcNow - started).TotalSeconds:0.0} s; statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(MessagesCases + DirectLineCases >= 5_000);

        // The bot still answers, on both front doors.
        factory.Predict(("faq/infusion_duration", 0.95f));
        var answer = factory.Catalog.Find("faq/infusion_duration")!.Answer;
        Assert.Contains(await new BotClient(factory.CreateClient()).SayAsync("how long does an infusion take?"), a => a.Text == answer);
        Assert.Contains(await (await new DirectLineClient(factory.CreateClient()).StartAsync()).SayAsync("how long does an infusion take?"), a => a.Text == answer);
        Assert.DoesNotContain(factory.Logs, l => l.Category.Contains("ExceptionHandler", StringComparison.Ordinal) && l.Level >= LogLevel.Error);
    }

    private static async Task RecordAsync(HttpClient client, HttpRequestMessage request, string what, Dictionary<int, int> statuses, List<string> failures)
    {
        HttpStatusCode status;
        try
        {
            using var response = await client.SendAsync(request);
            status = response.StatusCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Add($"{what}: {e.GetType().Name} {e.Message}");
            return;
        }

        statuses[(int)status] = statuses.GetValueOrDefault((int)status) + 1;

        // 501 is the Bot Framework's answer to an invoke the bot does not handle (protocol §2.1), not a failure.
        if ((int)status >= 500 && status != HttpStatusCode.NotImplemented)
        {
            failures.Add($"{what}: {(int)status}");
        }
    }

    private static JObject ValidActivity(Random random) => new()
    {
        ["type"] = "message",
        ["id"] = "m" + random.Next(),
        ["text"] = Texts[random.Next(Texts.Length)],
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["from"] = new JObject { ["id"] = "u" + random.Next(5), ["name"] = "Pat", ["role"] = "user" },
        ["recipient"] = new JObject { ["id"] = "bot", ["role"] = "bot" },
        ["conversation"] = new JObject { ["id"] = "fuzz-" + random.Next(50) },
        ["deliveryMode"] = "expectReplies",
        ["locale"] = "en-US",
        ["channelData"] = new JObject { ["clientActivityID"] = "c" + random.Next(), ["tenant"] = new JObject { ["id"] = "t" } },
    };

    private static (byte[] Body, string ContentType, string? Authorization) MutateMessagesRequest(Random random, int i)
    {
        var activity = ValidActivity(random);
        for (var m = random.Next(1, 5); m > 0; m--)
        {
            MutateActivity(random, activity);
        }

        var json = activity.ToString(Newtonsoft.Json.Formatting.None);
        var bytes = random.Next(6) == 0 ? MutateBytes(random, Encoding.UTF8.GetBytes(json)) : Encoding.UTF8.GetBytes(json);
        var contentType = random.Next(12) switch
        {
            0 => "text/plain",
            1 => "application/json; charset=latin1",
            2 => "",
            3 => "application/json;;;",
            _ => "application/json",
        };
        var authorization = random.Next(10) switch
        {
            0 => "Bearer " + RandomToken(random),
            1 => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("a:b")),
            2 => "Bearer",
            _ => null,
        };
        _ = i;
        return (bytes, contentType, authorization);
    }

    private static void MutateActivity(Random random, JObject activity)
    {
        string[] fields = ["type", "id", "text", "channelId", "serviceUrl", "from", "recipient", "conversation", "deliveryMode", "value", "name", "entities", "attachments", "channelData", "membersAdded", "replyToId", "locale", "suggestedActions", "timestamp", "callerId", "action", "textFormat"];
        var field = fields[random.Next(fields.Length)];
        switch (random.Next(9))
        {
            case 0:
                activity.Remove(field);
                break;
            case 1:
                activity[field] = RandomValue(random, 0);
                break;
            case 2:
                activity["type"] = ActivityTypes[random.Next(ActivityTypes.Length)];
                break;
            case 3:
                activity["channelId"] = ChannelIds[random.Next(ChannelIds.Length)];
                break;
            case 4:
                activity["serviceUrl"] = new[] { "https://attacker.example/", "http://169.254.169.254/", "not a url", "http://localhost:1/", "", "ftp://127.0.0.1/", "http://[::1]:9/" }[random.Next(7)];
                break;
            case 5:
                activity["text"] = new string((char)random.Next(32, 0x2FFF), random.Next(0, 6_000));
                break;
            case 6:
                activity["value"] = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = RandomString(random, 10), ["data"] = RandomValue(random, 0) }, ["reason"] = RandomString(random, 20), ["name"] = RandomString(random, 20), ["phone"] = RandomString(random, 12) };
                activity["name"] = new[] { "adaptiveCard/action", "webchat/join", "handoff.status", "x" }[random.Next(4)];
                break;
            case 7:
                activity["conversation"] = new JObject { ["id"] = RandomString(random, random.Next(0, 300)), ["tenantId"] = RandomValue(random, 1), ["isGroup"] = RandomValue(random, 1) };
                break;
            default:
                activity["entities"] = new JArray(new JObject { ["type"] = "mention", ["mentioned"] = RandomValue(random, 0), ["text"] = RandomValue(random, 1) });
                break;
        }
    }

    private static JToken RandomValue(Random random, int depth) => random.Next(depth > 2 ? 6 : 9) switch
    {
        0 => JValue.CreateNull(),
        1 => new JValue(random.Next(int.MinValue, int.MaxValue)),
        2 => new JValue(random.NextDouble() * 1e300),
        3 => new JValue(random.Next(2) == 0),
        4 => new JValue(RandomString(random, random.Next(0, 40))),
        5 => new JValue(new string('x', random.Next(0, 20_000))),
        6 => new JArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))),
        7 => new JObject(Enumerable.Range(0, random.Next(4)).Select(k => new JProperty("k" + k + RandomString(random, 3), RandomValue(random, depth + 1)))),
        _ => new JObject { ["id"] = RandomValue(random, depth + 1), ["name"] = RandomValue(random, depth + 1) },
    };

    private static string RandomString(Random random, int length)
    {
        const string alphabet = "abcXYZ019 -_.:/\\\"'<>{}[]@%&?=+é€😀\u0000\n\t";
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static byte[] MutateBytes(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        for (var m = random.Next(1, 8); m > 0 && list.Count > 0; m--)
        {
            var at = random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0:
                    list[at] = (byte)random.Next(256);
                    break;
                case 1:
                    list.RemoveAt(at);
                    break;
                case 2:
                    list.Insert(at, (byte)InsertedJsonCharacters[random.Next(InsertedJsonCharacters.Length)]);
                    break;
                default:
                    list.RemoveRange(at, list.Count - at);
                    break;
            }
        }

        return [.. list];
    }

    private static string RandomToken(Random random)
    {
        var parts = Enumerable.Range(0, random.Next(1, 5)).Select(_ => RandomString(random, random.Next(0, 60)));
        return string.Join('.', parts);
    }

    private static string MutateToken(Random random, string token)
    {
        var chars = token.ToCharArray().ToList();
        switch (random.Next(7))
        {
            case 0:
                chars[random.Next(chars.Count)] = TokenCharacters[random.Next(TokenCharacters.Length)];
                break;
            case 1:
                chars.RemoveRange(random.Next(chars.Count), 1);
                break;
            case 2:
                return token[..random.Next(token.Length)];
            case 3:
                return token + RandomString(random, random.Next(1, 10));
            case 4:
                var segments = token.Split('.');
                segments[random.Next(segments.Length)] = RandomString(random, random.Next(0, 40));
                return string.Join('.', segments);
            case 5:
                return RandomToken(random);
            default:
                return token.ToUpperInvariant();
        }

        return new string([.. chars]);
    }

    private static HttpRequestMessage MutateDirectLineRequest(Random random, DirectLineClient chat, DirectLineClient other)
    {
        var token = random.Next(3) == 0 ? chat.Token : MutateToken(random, chat.Token);
        var conversation = random.Next(8) switch
        {
            0 => other.ConversationId,
            // No NUL: the in-memory test server refuses to build such a path at all (Kestrel answers 400).
            1 => Uri.EscapeDataString(RandomString(random, random.Next(1, 30)).Replace("\0", string.Empty, StringComparison.Ordinal) + "x"),
            _ => chat.ConversationId,
        };
        HttpRequestMessage request;
        switch (random.Next(8))
        {
            case 0:
                request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
                break;
            case 1:
                request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = Json(random.Next(2) == 0 ? "{\"user\":{}}" : RandomString(random, 30)) };
                break;
            case 2:
                request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation}");
                break;
            case 3:
                request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities?watermark={new[] { "", "0", "-1", "abc", "99999999999999999999", "3" }[random.Next(6)]}");
                break;
            case 4:
                var multipart = new MultipartFormDataContent("b" + random.Next(1000));
                multipart.Add(new StringContent(ValidActivity(random).ToString()), "activity");
                multipart.Add(new ByteArrayContent(MutateBytes(random, [1, 2, 3, 4, 5, 6, 7, 8])), "file", "f" + random.Next(1000) + ".png");
                HttpContent upload = random.Next(3) == 0 ? new ByteArrayContent(MutateBytes(random, multipart.ReadAsByteArrayAsync().GetAwaiter().GetResult())) : multipart;
                if (upload is ByteArrayContent)
                {
                    upload.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={multipart.Headers.ContentType!.Parameters.First().Value}");
                }

                request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/upload?userId=u") { Content = upload };
                break;
            case 5:
                request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
                request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", new[] { "same-origin", "cross-site", "none" }[random.Next(3)]);
                break;
            default:
                var activity = ValidActivity(random);
                for (var m = random.Next(0, 4); m > 0; m--)
                {
                    MutateActivity(random, activity);
                }

                var body = Encoding.UTF8.GetBytes(activity.ToString(Newtonsoft.Json.Formatting.None));
                request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
                {
                    Content = new ByteArrayContent(random.Next(5) == 0 ? MutateBytes(random, body) : body),
                };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
                break;
        }

        if (random.Next(10) != 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", (random.Next(15) == 0 ? "bearer " : "Bearer ") + token);
        }

        return request;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>The real host in local anonymous mode; Connector retries off so replies to dead loopback ports fail fast.</summary>
    public sealed class FuzzFactory : ScriptedClassifierFactory
    {
        public FuzzFactory()
        {
            Predict(("faq/infusion_duration", 0.95f));
        }

        protected override void ConfigureMoreServices(IServiceCollection services) =>
            services.ConfigureAll<HttpStandardResilienceOptions>(options => options.Retry.ShouldHandle = _ => ValueTask.FromResult(false));
    }
}
