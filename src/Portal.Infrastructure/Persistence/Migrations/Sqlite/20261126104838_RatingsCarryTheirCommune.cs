using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RatingsCarryTheirCommune : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Agency",
                table: "DossierRatings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CommuneCode",
                table: "DossierRatings",
                type: "TEXT",
                maxLength: 5,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_DossierRatings_At_CommuneCode",
                table: "DossierRatings",
                columns: new[] { "At", "CommuneCode" });

            // Ratings given before: copy the commune and agency from their dossier.
            migrationBuilder.Sql("UPDATE \"DossierRatings\" SET \"CommuneCode\" = (SELECT \"CommuneCode\" FROM \"Dossiers\" WHERE \"Dossiers\".\"Id\" = \"DossierRatings\".\"DossierId\"), \"Agency\" = (SELECT \"Agency\" FROM \"Dossiers\" WHERE \"Dossiers\".\"Id\" = \"DossierRatings\".\"DossierId\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DossierRatings_At_CommuneCode",
                table: "DossierRatings");

            migrationBuilder.DropColumn(
                name: "Agency",
                table: "DossierRatings");

            migrationBuilder.DropColumn(
                name: "CommuneCode",
                table: "DossierRatings");
        }
    }
}
