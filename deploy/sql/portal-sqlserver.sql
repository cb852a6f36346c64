IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [FullName] nvarchar(max) NOT NULL,
        [CitizenId] nvarchar(max) NULL,
        [DateOfBirth] date NULL,
        [ResidenceCommuneCode] nvarchar(max) NULL,
        [ResidenceAddress] nvarchar(max) NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetime2 NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [Communes] (
        [Code] nvarchar(5) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [FullName] nvarchar(100) NOT NULL,
        [UnitType] nvarchar(20) NOT NULL,
        [SuccessorCode] nvarchar(5) NULL,
        CONSTRAINT [PK_Communes] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [DossierCodeSequences] (
        [Scope] nvarchar(16) NOT NULL,
        [Next] bigint NOT NULL,
        CONSTRAINT [PK_DossierCodeSequences] PRIMARY KEY ([Scope])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [FeeRules] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [LegalBasis] nvarchar(max) NOT NULL,
        [EffectiveFrom] date NOT NULL,
        [EffectiveTo] date NULL,
        [Scope] nvarchar(max) NOT NULL,
        [WaivePercent] int NOT NULL,
        CONSTRAINT [PK_FeeRules] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [InboxMessages] (
        [MessageId] uniqueidentifier NOT NULL,
        [Consumer] nvarchar(100) NOT NULL,
        [ProcessedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_InboxMessages] PRIMARY KEY ([MessageId], [Consumer])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Sequence] bigint NOT NULL IDENTITY,
        [MessageId] uniqueidentifier NOT NULL,
        [MessageType] nvarchar(200) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [SentAt] datetime2 NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [Procedures] (
        [Code] nvarchar(32) NOT NULL,
        [NameVi] nvarchar(300) NOT NULL,
        [NameEn] nvarchar(300) NOT NULL,
        [FieldCode] nvarchar(40) NOT NULL,
        [FieldNameVi] nvarchar(100) NOT NULL,
        [FieldNameEn] nvarchar(100) NOT NULL,
        [Agency] int NOT NULL,
        [TimeLimitWorkingDays] int NOT NULL,
        [TiedToResidence] bit NOT NULL,
        [Fees] nvarchar(max) NOT NULL,
        [FormFields] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_Procedures] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [PublicHolidays] (
        [Date] date NOT NULL,
        [NameVi] nvarchar(200) NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [IsWorkingDay] bit NOT NULL,
        CONSTRAINT [PK_PublicHolidays] PRIMARY KEY ([Date])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [Dossiers] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(24) NOT NULL,
        [LookupSecret] nvarchar(8) NOT NULL,
        [ProcedureCode] nvarchar(32) NOT NULL,
        [CommuneCode] nvarchar(5) NOT NULL,
        [Agency] int NOT NULL,
        [Channel] int NOT NULL,
        [ApplicantUserId] nvarchar(64) NOT NULL,
        [ApplicantCitizenId] nvarchar(12) NOT NULL,
        [ApplicantName] nvarchar(100) NOT NULL,
        [FormData] nvarchar(max) NOT NULL,
        [Fee] nvarchar(max) NOT NULL,
        [Status] int NOT NULL,
        [Outcome] int NULL,
        [FiledAt] datetime2 NOT NULL,
        [ReceivedAt] datetime2 NULL,
        [DueAt] datetime2 NOT NULL,
        [SupplementRequestedAt] datetime2 NULL,
        [SupplementRequestCount] int NOT NULL,
        [CompletedAt] datetime2 NULL,
        [ClientRequestId] uniqueidentifier NULL,
        CONSTRAINT [PK_Dossiers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Dossiers_Communes_CommuneCode] FOREIGN KEY ([CommuneCode]) REFERENCES [Communes] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Dossiers_Procedures_ProcedureCode] FOREIGN KEY ([ProcedureCode]) REFERENCES [Procedures] ([Code]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [DossierTransitions] (
        [Id] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [From] int NULL,
        [To] int NOT NULL,
        [Actor] nvarchar(100) NOT NULL,
        [At] datetime2 NOT NULL,
        [Reason] nvarchar(1000) NULL,
        CONSTRAINT [PK_DossierTransitions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DossierTransitions_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE TABLE [WorklistItems] (
        [DossierId] uniqueidentifier NOT NULL,
        [QueueName] nvarchar(40) NOT NULL,
        [CommuneCode] nvarchar(5) NOT NULL,
        [Agency] int NOT NULL,
        [DossierCode] nvarchar(24) NOT NULL,
        [ProcedureCode] nvarchar(32) NOT NULL,
        [ApplicantName] nvarchar(100) NOT NULL,
        [FiledAt] datetime2 NOT NULL,
        [DueAt] datetime2 NOT NULL,
        [EnqueuedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_WorklistItems] PRIMARY KEY ([DossierId]),
        CONSTRAINT [FK_WorklistItems_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_Dossiers_ApplicantCitizenId] ON [Dossiers] ([ApplicantCitizenId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_Dossiers_ApplicantUserId] ON [Dossiers] ([ApplicantUserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Dossiers_ClientRequestId] ON [Dossiers] ([ClientRequestId]) WHERE [ClientRequestId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Dossiers_Code] ON [Dossiers] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_Dossiers_CommuneCode_Agency_Status] ON [Dossiers] ([CommuneCode], [Agency], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_Dossiers_ProcedureCode] ON [Dossiers] ([ProcedureCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_DossierTransitions_DossierId_At] ON [DossierTransitions] ([DossierId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_FeeRules_EffectiveFrom] ON [FeeRules] ([EffectiveFrom]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_InboxMessages_ProcessedAt] ON [InboxMessages] ([ProcessedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutboxMessages_MessageId] ON [OutboxMessages] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_SentAt_Sequence] ON [OutboxMessages] ([SentAt], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_Procedures_FieldCode] ON [Procedures] ([FieldCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    CREATE INDEX [IX_WorklistItems_QueueName_DueAt_DossierId] ON [WorklistItems] ([QueueName], [DueAt], [DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126063614_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126063614_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    ALTER TABLE [Dossiers] ADD [Timeliness] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [ConsentVersion] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [ConsentedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [CreatedAt] datetime2 NOT NULL DEFAULT '0001-01-01T00:00:00.0000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [IsStaff] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [Sex] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    CREATE TABLE [OpenIddictApplications] (
        [Id] nvarchar(450) NOT NULL,
        [ApplicationType] nvarchar(50) NULL,
        [ClientId] nvarchar(100) NULL,
        [ClientSecret] nvarchar(max) NULL,
        [ClientType] nvarchar(50) NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [ConsentType] nvarchar(50) NULL,
        [DisplayName] nvarchar(max) NULL,
        [DisplayNames] nvarchar(max) NULL,
        [JsonWebKeySet] nvarchar(max) NULL,
        [Permissions] nvarchar(max) NULL,
        [PostLogoutRedirectUris] nvarchar(max) NULL,
        [Properties] nvarchar(max) NULL,
        [RedirectUris] nvarchar(max) NULL,
        [Requirements] nvarchar(max) NULL,
        [Settings] nvarchar(max) NULL,
        CONSTRAINT [PK_OpenIddictApplications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    CREATE TABLE [OpenIddictScopes] (
        [Id] nvarchar(450) NOT NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [Description] nvarchar(max) NULL,
        [Descriptions] nvarchar(max) NULL,
        [DisplayName] nvarchar(max) NULL,
        [DisplayNames] nvarchar(max) NULL,
        [Name] nvarchar(200) NULL,
        [Properties] nvarchar(max) NULL,
        [Resources] nvarchar(max) NULL,
        CONSTRAINT [PK_OpenIddictScopes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    CREATE TABLE [OpenIddictAuthorizations] (
        [Id] nvarchar(450) NOT NULL,
        [ApplicationId] nvarchar(450) NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [CreationDate] datetime2 NULL,
        [Properties] nvarchar(max) NULL,
        [Scopes] nvarchar(max) NULL,
        [Status] nvarchar(50) NULL,
        [Subject] nvarchar(400) NULL,
        [Type] nvarchar(50) NULL,
        CONSTRAINT [PK_OpenIddictAuthorizations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OpenIddictAuthorizations_OpenIddictApplications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [OpenIddictApplications] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    CREATE TABLE [OpenIddictTokens] (
        [Id] nvarchar(450) NOT NULL,
        [ApplicationId] nvarchar(450) NULL,
        [AuthorizationId] nvarchar(450) NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [CreationDate] datetime2 NULL,
        [ExpirationDate] datetime2 NULL,
        [Payload] nvarchar(max) NULL,
        [Properties] nvarchar(max) NULL,
        [RedemptionDate] datetime2 NULL,
        [ReferenceId] nvarchar(100) NULL,
        [Status] nvarchar(50) NULL,
        [Subject] nvarchar(400) NULL,
        [Type] nvarchar(150) NULL,
        CONSTRAINT [PK_OpenIddictTokens] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OpenIddictTokens_OpenIddictApplications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [OpenIddictApplications] ([Id]),
        CONSTRAINT [FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId] FOREIGN KEY ([AuthorizationId]) REFERENCES [OpenIddictAuthorizations] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    CREATE INDEX [IX_Dossiers_FiledAt_CommuneCode] ON [Dossiers] ([FiledAt], [CommuneCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictApplications_ClientId] ON [OpenIddictApplications] ([ClientId]) WHERE [ClientId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    CREATE INDEX [IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type] ON [OpenIddictAuthorizations] ([ApplicationId], [Status], [Subject], [Type]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictScopes_Name] ON [OpenIddictScopes] ([Name]) WHERE [Name] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    CREATE INDEX [IX_OpenIddictTokens_ApplicationId_Status_Subject_Type] ON [OpenIddictTokens] ([ApplicationId], [Status], [Subject], [Type]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    CREATE INDEX [IX_OpenIddictTokens_AuthorizationId] ON [OpenIddictTokens] ([AuthorizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictTokens_ReferenceId] ON [OpenIddictTokens] ([ReferenceId]) WHERE [ReferenceId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126070105_OpenIddictProfilesTimeliness'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126070105_OpenIddictProfilesTimeliness', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126071748_FeeRulesModule'
)
BEGIN
    EXEC sp_rename N'[FeeRules].[WaivePercent]', N'Version', 'COLUMN';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126071748_FeeRulesModule'
)
BEGIN
    ALTER TABLE [Procedures] ADD [Deadline] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126071748_FeeRulesModule'
)
BEGIN
    ALTER TABLE [FeeRules] ADD [Effect] nvarchar(max) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126071748_FeeRulesModule'
)
BEGIN
    UPDATE [FeeRules] SET [Effect] = CONCAT(N'{"kind":"WaivePercent","percent":', [Version], N',"amountVnd":0}'), [Version] = 1;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126071748_FeeRulesModule'
)
BEGIN
    ALTER TABLE [FeeRules] ADD [RetiredOn] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126071748_FeeRulesModule'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Dossiers]') AND [c].[name] = N'ApplicantUserId');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Dossiers] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Dossiers] ALTER COLUMN [ApplicantUserId] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126071748_FeeRulesModule'
)
BEGIN
    ALTER TABLE [Dossiers] ADD [Payment] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126071748_FeeRulesModule'
)
BEGIN
    CREATE TABLE [FeeRuleChanges] (
        [Id] bigint NOT NULL IDENTITY,
        [RuleId] uniqueidentifier NOT NULL,
        [Kind] int NOT NULL,
        [Actor] nvarchar(100) NOT NULL,
        [At] datetime2 NOT NULL,
        [Before] nvarchar(max) NULL,
        [After] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_FeeRuleChanges] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126071748_FeeRulesModule'
)
BEGIN
    CREATE INDEX [IX_FeeRuleChanges_RuleId_At] ON [FeeRuleChanges] ([RuleId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126071748_FeeRulesModule'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126071748_FeeRulesModule', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126072316_ReviewFixes'
)
BEGIN
    ALTER TABLE [OutboxMessages] ADD [Error] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126072316_ReviewFixes'
)
BEGIN
    ALTER TABLE [Dossiers] ADD [Version] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126072316_ReviewFixes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126072316_ReviewFixes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    ALTER TABLE [Procedures] ADD [OnlineLevel] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    ALTER TABLE [Procedures] ADD [RequiredDocuments] nvarchar(max) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    ALTER TABLE [DossierTransitions] ADD [ActorCommune] nvarchar(5) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    ALTER TABLE [DossierTransitions] ADD [ActorRole] nvarchar(40) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [CurrentAddress] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [CurrentCommuneCode] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE TABLE [Attachments] (
        [Id] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [Kind] int NOT NULL,
        [FileName] nvarchar(120) NOT NULL,
        [ContentType] nvarchar(40) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [StorageKey] nvarchar(80) NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [AddedAt] datetime2 NOT NULL,
        [ReusedFromDossierId] uniqueidentifier NULL,
        CONSTRAINT [PK_Attachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Attachments_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE TABLE [DossierAccesses] (
        [Id] bigint NOT NULL IDENTITY,
        [DossierId] uniqueidentifier NOT NULL,
        [Role] nvarchar(40) NOT NULL,
        [Commune] nvarchar(5) NULL,
        [At] datetime2 NOT NULL,
        CONSTRAINT [PK_DossierAccesses] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE TABLE [DossierDrafts] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] nvarchar(64) NOT NULL,
        [ProcedureCode] nvarchar(32) NOT NULL,
        [Input] nvarchar(max) NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_DossierDrafts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE TABLE [DossierRatings] (
        [DossierId] uniqueidentifier NOT NULL,
        [Liked] bit NOT NULL,
        [Comment] nvarchar(1000) NULL,
        [At] datetime2 NOT NULL,
        CONSTRAINT [PK_DossierRatings] PRIMARY KEY ([DossierId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE TABLE [DossierResults] (
        [DossierId] uniqueidentifier NOT NULL,
        [VerificationCode] nvarchar(12) NOT NULL,
        [Summary] nvarchar(1000) NOT NULL,
        [IssuedBy] nvarchar(100) NOT NULL,
        [IssuedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_DossierResults] PRIMARY KEY ([DossierId]),
        CONSTRAINT [FK_DossierResults_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] bigint NOT NULL IDENTITY,
        [UserId] nvarchar(64) NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [DossierCode] nvarchar(24) NOT NULL,
        [Status] int NOT NULL,
        [At] datetime2 NOT NULL,
        [ReadAt] datetime2 NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE INDEX [IX_Attachments_DossierId] ON [Attachments] ([DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE INDEX [IX_DossierAccesses_DossierId_At] ON [DossierAccesses] ([DossierId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE INDEX [IX_DossierDrafts_UserId_UpdatedAt] ON [DossierDrafts] ([UserId], [UpdatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DossierResults_VerificationCode] ON [DossierResults] ([VerificationCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Notifications_DossierId_Status] ON [Notifications] ([DossierId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_At] ON [Notifications] ([UserId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126074022_CitizenJourney'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126074022_CitizenJourney', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126080200_ParkedMessages'
)
BEGIN
    CREATE TABLE [ParkedMessages] (
        [Id] bigint NOT NULL IDENTITY,
        [MessageId] uniqueidentifier NOT NULL,
        [MessageType] nvarchar(200) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [Queue] nvarchar(100) NOT NULL,
        [Error] nvarchar(4000) NOT NULL,
        [Attempts] int NOT NULL,
        [FirstFailedAt] datetime2 NOT NULL,
        [LastFailedAt] datetime2 NOT NULL,
        [NextAttemptAt] datetime2 NULL,
        [Status] int NOT NULL,
        [DecidedBy] nvarchar(100) NULL,
        [DecidedAt] datetime2 NULL,
        [Decision] nvarchar(20) NULL,
        CONSTRAINT [PK_ParkedMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126080200_ParkedMessages'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ParkedMessages_MessageId_Queue] ON [ParkedMessages] ([MessageId], [Queue]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126080200_ParkedMessages'
)
BEGIN
    CREATE INDEX [IX_ParkedMessages_Status_NextAttemptAt] ON [ParkedMessages] ([Status], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126080200_ParkedMessages'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126080200_ParkedMessages', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126080835_UnitChanges'
)
BEGIN
    ALTER TABLE [Communes] ADD [ValidFrom] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126080835_UnitChanges'
)
BEGIN
    ALTER TABLE [Communes] ADD [ValidTo] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126080835_UnitChanges'
)
BEGIN
    CREATE TABLE [UnitChanges] (
        [Id] bigint NOT NULL IDENTITY,
        [Kind] int NOT NULL,
        [FromCommune] nvarchar(5) NOT NULL,
        [ToCommune] nvarchar(5) NOT NULL,
        [DossierCode] nvarchar(24) NULL,
        [DossiersMoved] int NOT NULL,
        [Reason] nvarchar(1000) NULL,
        [Actor] nvarchar(100) NOT NULL,
        [At] datetime2 NOT NULL,
        CONSTRAINT [PK_UnitChanges] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126080835_UnitChanges'
)
BEGIN
    CREATE INDEX [IX_Communes_SuccessorCode] ON [Communes] ([SuccessorCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126080835_UnitChanges'
)
BEGIN
    CREATE INDEX [IX_UnitChanges_At] ON [UnitChanges] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126080835_UnitChanges'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126080835_UnitChanges', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126082245_DossierEvents'
)
BEGIN
    CREATE TABLE [DossierEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [MessageId] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [Type] nvarchar(40) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [At] datetime2 NOT NULL,
        CONSTRAINT [PK_DossierEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126082245_DossierEvents'
)
BEGIN
    CREATE INDEX [IX_DossierEvents_DossierId_At] ON [DossierEvents] ([DossierId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126082245_DossierEvents'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DossierEvents_MessageId] ON [DossierEvents] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126082245_DossierEvents'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126082245_DossierEvents', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126083930_CommuneDailyStatistics'
)
BEGIN
    CREATE TABLE [CommuneDailyStatistics] (
        [CommuneCode] nvarchar(5) NOT NULL,
        [Day] date NOT NULL,
        [Submitted] int NOT NULL,
        [ResultsIssued] int NOT NULL,
        [ResultsIssuedOnTime] int NOT NULL,
        CONSTRAINT [PK_CommuneDailyStatistics] PRIMARY KEY ([CommuneCode], [Day])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126083930_CommuneDailyStatistics'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126083930_CommuneDailyStatistics', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    DROP INDEX [IX_WorklistItems_QueueName_DueAt_DossierId] ON [WorklistItems];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [WorklistItems] ADD [AppointmentAt] datetime2 NOT NULL DEFAULT '0001-01-01T00:00:00.0000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [WorklistItems] ADD [AssignedTo] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [WorklistItems] ADD [AwaitingSignature] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [WorklistItems] ADD [SearchKey] nvarchar(200) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [WorklistItems] ADD [Status] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [DossierTransitions] ADD [Form] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [DossierTransitions] ADD [IsInternal] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [Dossiers] ADD [AppointmentAt] datetime2 NOT NULL DEFAULT '0001-01-01T00:00:00.0000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [Dossiers] ADD [AssignedTo] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [Dossiers] ADD [ProposalReason] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [Dossiers] ADD [ProposedBy] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    ALTER TABLE [Dossiers] ADD [ProposedOutcome] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE TABLE [DeadlineEvents] (
        [Id] uniqueidentifier NOT NULL,
        [DossierId] uniqueidentifier NOT NULL,
        [Kind] int NOT NULL,
        [At] datetime2 NOT NULL,
        [DueAt] datetime2 NULL,
        [Reason] nvarchar(1000) NULL,
        CONSTRAINT [PK_DeadlineEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DeadlineEvents_Dossiers_DossierId] FOREIGN KEY ([DossierId]) REFERENCES [Dossiers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE TABLE [LeaderDelegations] (
        [Id] uniqueidentifier NOT NULL,
        [LeaderUserName] nvarchar(100) NOT NULL,
        [DelegateUserName] nvarchar(100) NOT NULL,
        [QueueName] nvarchar(40) NOT NULL,
        [From] date NOT NULL,
        [To] date NOT NULL,
        [Reason] nvarchar(200) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [RevokedAt] datetime2 NULL,
        CONSTRAINT [PK_LeaderDelegations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE TABLE [StaffDigests] (
        [Id] bigint NOT NULL IDENTITY,
        [UserName] nvarchar(100) NOT NULL,
        [Day] date NOT NULL,
        [SentAt] datetime2 NOT NULL,
        [Assigned] int NOT NULL,
        [Overdue] int NOT NULL,
        [DueSoon] int NOT NULL,
        [AwaitingSignature] int NOT NULL,
        [Emailed] bit NOT NULL,
        CONSTRAINT [PK_StaffDigests] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE TABLE [StaffLeaves] (
        [Id] uniqueidentifier NOT NULL,
        [UserName] nvarchar(100) NOT NULL,
        [From] date NOT NULL,
        [To] date NOT NULL,
        [Reason] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_StaffLeaves] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WorklistItems_DossierCode] ON [WorklistItems] ([DossierCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE INDEX [IX_WorklistItems_QueueName_AssignedTo_DueAt_DossierCode] ON [WorklistItems] ([QueueName], [AssignedTo], [DueAt], [DossierCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE INDEX [IX_WorklistItems_QueueName_AwaitingSignature] ON [WorklistItems] ([QueueName], [AwaitingSignature]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE INDEX [IX_WorklistItems_QueueName_DueAt_DossierCode_Status] ON [WorklistItems] ([QueueName], [DueAt], [DossierCode], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE INDEX [IX_DeadlineEvents_DossierId_At] ON [DeadlineEvents] ([DossierId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE INDEX [IX_LeaderDelegations_DelegateUserName_QueueName_To] ON [LeaderDelegations] ([DelegateUserName], [QueueName], [To]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StaffDigests_UserName_Day] ON [StaffDigests] ([UserName], [Day]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    CREATE INDEX [IX_StaffLeaves_UserName_To] ON [StaffLeaves] ([UserName], [To]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    UPDATE [Dossiers] SET [AppointmentAt] = [DueAt];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    UPDATE [WorklistItems] SET [AppointmentAt] = [DueAt], [Status] = (SELECT [Status] FROM [Dossiers] WHERE [Dossiers].[Id] = [WorklistItems].[DossierId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126101824_CaseworkWorkspace'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126101824_CaseworkWorkspace', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126102722_DossierStatistics'
)
BEGIN
    CREATE TABLE [DossierStatistics] (
        [CommuneCode] nvarchar(5) NOT NULL,
        [Agency] int NOT NULL,
        [ProcedureCode] nvarchar(32) NOT NULL,
        [Day] date NOT NULL,
        [ReceivedOnline] int NOT NULL,
        [ReceivedDirect] int NOT NULL,
        [CompletedEarly] int NOT NULL,
        [CompletedOnTime] int NOT NULL,
        [CompletedLate] int NOT NULL,
        [Refused] int NOT NULL,
        [Withdrawn] int NOT NULL,
        [SupplementRequests] int NOT NULL,
        [WaivedVnd] bigint NOT NULL,
        CONSTRAINT [PK_DossierStatistics] PRIMARY KEY ([CommuneCode], [Agency], [ProcedureCode], [Day])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126102722_DossierStatistics'
)
BEGIN
    CREATE INDEX [IX_DossierStatistics_Day_CommuneCode] ON [DossierStatistics] ([Day], [CommuneCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126102722_DossierStatistics'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126102722_DossierStatistics', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126104849_RatingsCarryTheirCommune'
)
BEGIN
    ALTER TABLE [DossierRatings] ADD [Agency] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126104849_RatingsCarryTheirCommune'
)
BEGIN
    ALTER TABLE [DossierRatings] ADD [CommuneCode] nvarchar(5) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126104849_RatingsCarryTheirCommune'
)
BEGIN
    CREATE INDEX [IX_DossierRatings_At_CommuneCode] ON [DossierRatings] ([At], [CommuneCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126104849_RatingsCarryTheirCommune'
)
BEGIN
    UPDATE r SET r.[CommuneCode] = d.[CommuneCode], r.[Agency] = d.[Agency] FROM [DossierRatings] r JOIN [Dossiers] d ON d.[Id] = r.[DossierId];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126104849_RatingsCarryTheirCommune'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126104849_RatingsCarryTheirCommune', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126105941_SiteVisits'
)
BEGIN
    CREATE TABLE [SiteVisitDays] (
        [Day] date NOT NULL,
        [Visits] bigint NOT NULL,
        CONSTRAINT [PK_SiteVisitDays] PRIMARY KEY ([Day])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126105941_SiteVisits'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126105941_SiteVisits', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126110658_StatisticRollUps'
)
BEGIN
    DROP INDEX [IX_DossierStatistics_Day_CommuneCode] ON [DossierStatistics];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126110658_StatisticRollUps'
)
BEGIN
    CREATE INDEX [IX_DossierStatistics_CommuneCode_Day] ON [DossierStatistics] ([CommuneCode], [Day]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126110658_StatisticRollUps'
)
BEGIN
    CREATE INDEX [IX_DossierStatistics_ProcedureCode_Day] ON [DossierStatistics] ([ProcedureCode], [Day]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126110658_StatisticRollUps'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126110658_StatisticRollUps', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126120812_BacklogCounters'
)
BEGIN
    CREATE TABLE [BacklogCounters] (
        [Axis] int NOT NULL,
        [CommuneCode] nvarchar(5) NOT NULL,
        [Agency] int NOT NULL,
        [Day] date NOT NULL,
        [Count] int NOT NULL,
        CONSTRAINT [PK_BacklogCounters] PRIMARY KEY ([Axis], [CommuneCode], [Agency], [Day])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126120812_BacklogCounters'
)
BEGIN
    CREATE INDEX [IX_WorklistItems_DueAt_Status_CommuneCode_Agency_AwaitingSignature] ON [WorklistItems] ([DueAt], [Status], [CommuneCode], [Agency], [AwaitingSignature]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126120812_BacklogCounters'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126120812_BacklogCounters', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126124426_SweepIndex'
)
BEGIN
    CREATE INDEX [IX_Dossiers_Status_FiledAt_Id] ON [Dossiers] ([Status], [FiledAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126124426_SweepIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126124426_SweepIndex', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130302_SiteVisitors'
)
BEGIN
    CREATE TABLE [SiteVisitors] (
        [Visitor] varchar(32) NOT NULL,
        [LastSeenAt] datetime2 NOT NULL,
        CONSTRAINT [PK_SiteVisitors] PRIMARY KEY ([Visitor])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130302_SiteVisitors'
)
BEGIN
    CREATE INDEX [IX_SiteVisitors_LastSeenAt] ON [SiteVisitors] ([LastSeenAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130302_SiteVisitors'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126130302_SiteVisitors', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130506_ProcessingTime'
)
BEGIN
    ALTER TABLE [DossierStatistics] ADD [ProcessingMinutes] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126130506_ProcessingTime'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126130506_ProcessingTime', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126132902_AuditHashChain'
)
BEGIN
    ALTER TABLE [DossierEvents] ADD [Hash] varchar(64) NOT NULL DEFAULT '';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126132902_AuditHashChain'
)
BEGIN
    ALTER TABLE [DossierEvents] ADD [PreviousHash] varchar(64) NOT NULL DEFAULT '';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126132902_AuditHashChain'
)
BEGIN
    ALTER TABLE [DossierEvents] ADD [Sequence] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126132902_AuditHashChain'
)
BEGIN
    EXEC(N'UPDATE [DossierEvents] SET [Sequence] = -[Id]');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126132902_AuditHashChain'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DossierEvents_Sequence] ON [DossierEvents] ([Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126132902_AuditHashChain'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126132902_AuditHashChain', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126151059_AuditAppendOnly'
)
BEGIN
    EXEC(N'CREATE TRIGGER [DossierEvents_append_only] ON [DossierEvents] AFTER UPDATE, DELETE AS
    BEGIN
        SET NOCOUNT ON;
        IF EXISTS (SELECT 1 FROM deleted WHERE [Hash] <> N'''')
            THROW 51000, N''DossierEvents is append-only: a sealed audit line cannot be changed or deleted'', 1;
    END')
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126151059_AuditAppendOnly'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126151059_AuditAppendOnly', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126170658_DataProtectionKeys'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126170658_DataProtectionKeys'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126170658_DataProtectionKeys', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126171319_StatisticsConcurrency'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126171319_StatisticsConcurrency', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126173501_OutboxTraceParent'
)
BEGIN
    ALTER TABLE [OutboxMessages] ADD [TraceParent] varchar(55) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126173501_OutboxTraceParent'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126173501_OutboxTraceParent', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126175927_SeedStamps'
)
BEGIN
    CREATE TABLE [SeedStamps] (
        [Name] nvarchar(40) NOT NULL,
        [Hash] varchar(64) NOT NULL,
        [AppliedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_SeedStamps] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126175927_SeedStamps'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126175927_SeedStamps', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126235556_NotificationPerChange'
)
BEGIN
    DROP INDEX [IX_Notifications_DossierId_Status] ON [Notifications];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126235556_NotificationPerChange'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Notifications_DossierId_Status_At] ON [Notifications] ([DossierId], [Status], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126235556_NotificationPerChange'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126235556_NotificationPerChange', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127001351_ParkedMessageDecisions'
)
BEGIN
    CREATE TABLE [ParkedMessageDecisions] (
        [Id] bigint NOT NULL IDENTITY,
        [ParkedMessageId] bigint NOT NULL,
        [MessageId] uniqueidentifier NOT NULL,
        [Decision] nvarchar(20) NOT NULL,
        [StatusBefore] int NOT NULL,
        [Actor] nvarchar(100) NOT NULL,
        [At] datetime2 NOT NULL,
        CONSTRAINT [PK_ParkedMessageDecisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ParkedMessageDecisions_ParkedMessages_ParkedMessageId] FOREIGN KEY ([ParkedMessageId]) REFERENCES [ParkedMessages] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127001351_ParkedMessageDecisions'
)
BEGIN
    CREATE INDEX [IX_ParkedMessageDecisions_ParkedMessageId_Id] ON [ParkedMessageDecisions] ([ParkedMessageId], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127001351_ParkedMessageDecisions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127001351_ParkedMessageDecisions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127003253_DigitisationCounters'
)
BEGIN
    ALTER TABLE [DossierStatistics] ADD [Digitised] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127003253_DigitisationCounters'
)
BEGIN
    ALTER TABLE [DossierStatistics] ADD [ReusedData] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127003253_DigitisationCounters'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127003253_DigitisationCounters', N'10.0.15');
END;

COMMIT;
GO

