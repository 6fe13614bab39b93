// The Keras seed trained by real TensorFlow.js (tf.layers, CPU backend, float32): Dense(64, relu), Dense(1,
// sigmoid), binaryCrossentropy, tf.train.adagrad(0.01), batch 32, 50 epochs, no shuffling, from init.json. Writes
// what model.fit reports per epoch: tfjs.csv (all 1000 rows) and tfjs-validation.csv (validationSplit 0.2).
//
// Run: (cd /some/scratch && npm install @tensorflow/tfjs@4) then
//      NODE_PATH=/some/scratch/node_modules node tfjs_fit.js      (in this folder)
const tf = require('@tensorflow/tfjs');
const fs = require('fs');

const lines = fs.readFileSync('data.csv', 'utf8').trim().split('\n').slice(1);
const X = lines.map(line => line.split(',').slice(0, 20).map(Number));
const y = lines.map(line => [Number(line.split(',')[20])]);
const init = JSON.parse(fs.readFileSync('init.json', 'utf8'));

async function fit(validationSplit, file) {
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 64, activation: 'relu', inputShape: [20]}));
  model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
  model.setWeights([tf.tensor2d(init.W1), tf.tensor1d(init.b1), tf.tensor2d(init.W2), tf.tensor1d(init.b2)]);
  model.compile({optimizer: tf.train.adagrad(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy']});
  const options = {epochs: 50, batchSize: 32, shuffle: false, verbose: 0};
  if (validationSplit > 0) {
    options.validationSplit = validationSplit;
  }
  const history = await model.fit(tf.tensor2d(X), tf.tensor2d(y), options);
  const h = history.history;
  const validation = validationSplit > 0;
  let out = 'epoch,loss,accuracy' + (validation ? ',val_loss,val_accuracy' : '') + '\n';
  for (let e = 0; e < h.loss.length; e++) {
    out += [e + 1, h.loss[e], h.acc[e]].concat(validation ? [h.val_loss[e], h.val_acc[e]] : []).join(',') + '\n';
  }
  fs.writeFileSync(file, out);
}

(async () => {
  await fit(0, 'tfjs.csv');
  await fit(0.2, 'tfjs-validation.csv');
})();
