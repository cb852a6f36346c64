# The portal's one image: web replica, processing replica or both, chosen by environment only
# (Portal__Role, Messaging__ProcessDossiers, ...). See deploy/README.md.
#
#   docker build -t portal:local .

# ---- build ---------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build runs `npm ci` in src/Portal.Web (Portal.Web.csproj, target NpmInstall) to fetch bootstrap.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /src

# Restore with only the project files and the build settings, so this layer is reused until a
# package or project reference changes. (.editorconfig: the build enforces code style as errors.)
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Portal.Domain/Portal.Domain.csproj src/Portal.Domain/
COPY src/Portal.Infrastructure/Portal.Infrastructure.csproj src/Portal.Infrastructure/
COPY src/Portal.Web/Portal.Web.csproj src/Portal.Web/
RUN dotnet restore src/Portal.Web/Portal.Web.csproj -r linux-x64 -p:PublishReadyToRun=true

# Front-end libraries, also cached until the lock file changes. The stamp is the NpmInstall target's
# output, so the publish below does not run npm ci a second time.
COPY src/Portal.Web/package.json src/Portal.Web/package-lock.json src/Portal.Web/
RUN cd src/Portal.Web \
    && npm ci --no-audit --no-fund --ignore-scripts \
    && touch node_modules/.portal-npm-stamp

COPY src/ src/
# ReadyToRun (compiled ahead of time for linux-x64, framework-dependent): start to ready on an existing
# database 2.1-2.5 s instead of 3.1-3.9 s without it (docs/benchmarks.md).
RUN dotnet publish src/Portal.Web/Portal.Web.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o /app --no-restore

# ---- runtime -------------------------------------------------------------------------------------
# aspnet:10.0 is Ubuntu 24.04 (ICU and tzdata included; bash, no curl or wget) with the non-root user
# 'app', APP_UID=1654.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# The data folder ({DataDirectory}: attachments, file-mode e-mail, and the keys of the embedded default
# when no shared store is configured). Owned by the app user; a named volume mounted here inherits it.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data

COPY --from=build /app ./

# appsettings.json sets Urls to loopback:5080, and an appsettings.json value beats ASPNETCORE_URLS
# (host settings load first), so the plain `Urls` variable, which beats appsettings.json, is set too.
# ASPNETCORE_HTTP_PORTS (8080 in the base image) is cleared so Kestrel does not warn it is overridden.
ENV ASPNETCORE_URLS=http://+:8080 \
    Urls=http://+:8080 \
    ASPNETCORE_HTTP_PORTS="" \
    ASPNETCORE_ENVIRONMENT=Production \
    Database__DataDirectory=/data \
    DOTNET_CLI_TELEMETRY_OPTOUT=1

USER $APP_UID
EXPOSE 8080
# No HEALTHCHECK: the image has no curl or wget. docker-compose.yml probes /health/ready with bash's
# /dev/tcp, Kubernetes with httpGet probes.
ENTRYPOINT ["dotnet", "Portal.Web.dll"]
