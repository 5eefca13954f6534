# The clinic bot as a container image: `docker build -t clinic-chatbot .` from the repository root.
# Configuration comes from environment variables (deploy/README.md, "Settings"); secrets are never baked in.
# Not built on the development machine (no container engine there): deploy/scale-out-test.sh runs the same topology
# natively.

# --- Build: the app, the staff CLI, the Web Chat bundle, and the trained models ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm fetches Bot Framework Web Chat's bundle during the build (src/Chatbot/WebChatBundle.targets, pinned by SHA-256).
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first, from the project files only, so a source change does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Chatbot.BotFramework/Chatbot.BotFramework.csproj src/Chatbot.BotFramework/
COPY src/Chatbot.Faq/Chatbot.Faq.csproj src/Chatbot.Faq/
COPY src/Chatbot.Clinic/Chatbot.Clinic.csproj src/Chatbot.Clinic/
COPY src/Chatbot/Chatbot.csproj src/Chatbot/WebChatBundle.targets src/Chatbot/
COPY src/Chatbot.Cli/Chatbot.Cli.csproj src/Chatbot.Cli/
RUN dotnet restore src/Chatbot/Chatbot.csproj \
    && dotnet restore src/Chatbot.Cli/Chatbot.Cli.csproj

COPY src/ src/
COPY faq-data/ faq-data/
RUN dotnet publish src/Chatbot/Chatbot.csproj -c Release -o /out/app --no-restore \
    && dotnet publish src/Chatbot.Cli/Chatbot.Cli.csproj -c Release -o /out/cli --no-restore \
    && test -s /out/app/wwwroot/lib/webchat/webchat.js

# Train the FAQ model and the safety model, and publish them (models/versions, models/published.json), as the bot
# would on its first start: the container is ready in seconds instead of minutes. Fails the build if the data does
# not validate or the quality gate refuses it.
RUN dotnet /out/cli/chatbot.dll publish --data /src/faq-data --model /src/models

# --- Runtime: ASP.NET Core only, a non-root user ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the HEALTHCHECK (the base image has neither curl nor wget).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/lib/clinic-bot/keys \
    && chown -R app:app /var/lib/clinic-bot
WORKDIR /app
COPY --from=build --chown=app:app /out/app ./
# The FAQ and its models are writable by the app: staff edits and publishes on the staff page write here.
COPY --from=build --chown=app:app /src/faq-data ./faq-data
COPY --from=build --chown=app:app /src/models ./models

ENV ASPNETCORE_HTTP_PORTS=8080 \
    Chatbot__Faq__DataFolder=/app/faq-data \
    Chatbot__Faq__ModelFolder=/app/models \
    Chatbot__Storage__SqlitePath=/var/lib/clinic-bot/chatbot.db \
    Chatbot__DataProtection__KeysPath=/var/lib/clinic-bot/keys
# The SQLite database (one instance) and the Data Protection key ring: mount a volume, shared by every instance for keys/.
VOLUME ["/var/lib/clinic-bot"]

USER app
EXPOSE 8080
# Liveness only: /readyz (models, database, outbox) is for the load balancer, which must stop sending, not restart.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "Chatbot.dll"]
