-- CreateTable
CREATE TABLE "Paper" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "doi" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "journal" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "volume" TEXT,
    "issue" TEXT,
    "articleNumber" TEXT,
    "pages" TEXT,
    "abstract" TEXT,
    "kind" TEXT NOT NULL,
    "license" TEXT,
    "status" TEXT NOT NULL DEFAULT 'published',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Author" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "paperId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Author_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaperKeyword" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "paperId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "keyword" TEXT NOT NULL,
    CONSTRAINT "PaperKeyword_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PaperFormula" (
    "paperId" INTEGER NOT NULL,
    "formulaKey" TEXT NOT NULL,

    PRIMARY KEY ("paperId", "formulaKey"),
    CONSTRAINT "PaperFormula_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PaperFormula_formulaKey_fkey" FOREIGN KEY ("formulaKey") REFERENCES "Formula" ("key") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Material" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "paperId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "formula" TEXT,
    "role" TEXT NOT NULL,
    "batterySystem" TEXT NOT NULL,
    "materialClass" TEXT NOT NULL,
    "isControl" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT,
    "citedReference" TEXT,
    "explicitElements" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Material_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaterialElement" (
    "materialId" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,

    PRIMARY KEY ("materialId", "symbol"),
    CONSTRAINT "MaterialElement_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MaterialComponent" (
    "materialId" INTEGER NOT NULL,
    "componentId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("materialId", "componentId"),
    CONSTRAINT "MaterialComponent_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MaterialComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Material" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SynthesisStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "materialId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "reagentsJson" TEXT,
    "temperatureValue" REAL,
    "temperatureUnit" TEXT,
    "temperatureC" REAL,
    "durationValue" REAL,
    "durationUnit" TEXT,
    "durationH" REAL,
    "rampRateValue" REAL,
    "rampRateUnit" TEXT,
    "rampRateCPerMin" REAL,
    "atmosphere" TEXT,
    "notes" TEXT,
    "quote" TEXT,
    CONSTRAINT "SynthesisStep_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Property" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "better" TEXT,
    "description" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "materialId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "propertyKey" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "unit" TEXT NOT NULL,
    "canonicalValue" REAL NOT NULL,
    "min" REAL,
    "max" REAL,
    "canonicalMin" REAL,
    "canonicalMax" REAL,
    "qualifier" TEXT,
    "quote" TEXT NOT NULL,
    "location" TEXT,
    "source" TEXT NOT NULL DEFAULT 'stated',
    "subject" TEXT,
    "note" TEXT,
    "conditionsJson" TEXT,
    "currentDensity" REAL,
    "arealCurrentDensity" REAL,
    "cRate" REAL,
    "oneC" REAL,
    "temperature" REAL,
    "cycle" INTEGER,
    "scanRate" REAL,
    "voltageMin" REAL,
    "voltageMax" REAL,
    "cellType" TEXT,
    "counterElectrode" TEXT,
    "electrolyte" TEXT,
    "massLoading" REAL,
    "sulfurLoading" REAL,
    "esRatio" REAL,
    CONSTRAINT "Measurement_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Measurement_propertyKey_fkey" FOREIGN KEY ("propertyKey") REFERENCES "Property" ("key") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Formula" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "expression" TEXT NOT NULL,
    "latex" TEXT NOT NULL,
    "variablesJson" TEXT NOT NULL,
    "outputUnit" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "referencesJson" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entityType" TEXT NOT NULL,
    "entityKey" TEXT NOT NULL,
    "userId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "beforeJson" TEXT,
    "afterJson" TEXT,
    CONSTRAINT "Revision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Paper_doi_key" ON "Paper"("doi");

-- CreateIndex
CREATE INDEX "Paper_year_idx" ON "Paper"("year");

-- CreateIndex
CREATE INDEX "Paper_journal_idx" ON "Paper"("journal");

-- CreateIndex
CREATE UNIQUE INDEX "Author_paperId_position_key" ON "Author"("paperId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PaperKeyword_paperId_position_key" ON "PaperKeyword"("paperId", "position");

-- CreateIndex
CREATE INDEX "Material_role_idx" ON "Material"("role");

-- CreateIndex
CREATE INDEX "Material_batterySystem_idx" ON "Material"("batterySystem");

-- CreateIndex
CREATE UNIQUE INDEX "Material_paperId_key_key" ON "Material"("paperId", "key");

-- CreateIndex
CREATE INDEX "MaterialElement_symbol_idx" ON "MaterialElement"("symbol");

-- CreateIndex
CREATE UNIQUE INDEX "SynthesisStep_materialId_position_key" ON "SynthesisStep"("materialId", "position");

-- CreateIndex
CREATE INDEX "Measurement_propertyKey_canonicalValue_materialId_idx" ON "Measurement"("propertyKey", "canonicalValue", "materialId");

-- CreateIndex
CREATE UNIQUE INDEX "Measurement_materialId_position_key" ON "Measurement"("materialId", "position");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Revision_entityType_entityKey_idx" ON "Revision"("entityType", "entityKey");
