// If anything ever executed this file, it would leave a marker next to it; the suite checks it does not exist.
require('fs').writeFileSync(require('path').join(__dirname, 'EXECUTED'), 'this file was executed');
