package io.sluice.bloblang;
